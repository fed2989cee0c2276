import { describe, expect, it } from 'vitest';
import { roundTheClock } from '../../shared/calendar/business-time';
import type { BusinessCalendar } from '../../shared/calendar/views';
import {
  applyStage,
  meetClock,
  nextSlaStage,
  pauseResolution,
  recomputeSla,
  resumeResolution,
  startSla,
} from '../../shared/sla/clock';
import { samplePolicy } from '../kit/samples';

const calendar: BusinessCalendar = roundTheClock('Asia/Shanghai');
const created = new Date('2026-11-30T09:00:00+08:00');
const policy = samplePolicy;
const iso = (value: string) => new Date(value).toISOString();

describe('SLA clocks', () => {
  it('start with due times from the calendar, and step warning → breach → ladder', () => {
    let sla = startSla(policy, created, calendar);
    expect(sla.firstResponse.dueAt).toBe(iso('2026-11-30T10:00:00+08:00'));
    expect(sla.resolution.dueAt).toBe(iso('2026-11-30T13:00:00+08:00'));
    const steps: string[] = [];
    for (let i = 0; i < 5; i++) {
      const stage = nextSlaStage(sla, 'first_response', created, calendar);
      if (!stage) break;
      steps.push(`${stage.kind}@${stage.at.toISOString()}`);
      const effect = applyStage(sla, 'first_response', stage, stage.at);
      sla = effect.sla;
      if (stage.kind === 'escalation' && stage.step === 1) expect(effect.reassignToRole).toBe('supervisor');
    }
    expect(steps).toEqual([
      `warning@${iso('2026-11-30T09:48:00+08:00')}`,
      `breach@${iso('2026-11-30T10:00:00+08:00')}`,
      `escalation@${iso('2026-11-30T10:00:00+08:00')}`,
      `escalation@${iso('2026-11-30T12:00:00+08:00')}`,
    ]);
    expect(sla.firstResponse).toMatchObject({ state: 'breached', escalationLevel: 2 });
  });

  it('stop when met, and keep a late answer a breach', () => {
    const sla = startSla(policy, created, calendar);
    const met = meetClock(sla, 'first_response', new Date('2026-11-30T09:30:00+08:00'));
    expect(met.firstResponse.state).toBe('met');
    expect(nextSlaStage(met, 'first_response', created, calendar)).toBeUndefined();
    const breached = applyStage(sla, 'first_response', { kind: 'breach', at: new Date() }, new Date()).sla;
    expect(meetClock(breached, 'first_response', new Date()).firstResponse).toMatchObject({
      state: 'breached',
      metAt: expect.any(String),
    });
  });

  it('pause the resolution clock and shift its due time by the paused business minutes', () => {
    const sla = startSla(policy, created, calendar);
    const paused = pauseResolution(sla, new Date('2026-11-30T10:00:00+08:00'));
    expect(nextSlaStage(paused, 'resolution', created, calendar)).toBeUndefined();
    const resumed = resumeResolution(paused, new Date('2026-11-30T11:30:00+08:00'), created, calendar);
    expect(resumed.pausedMinutes).toBe(90);
    expect(resumed.resolution.dueAt).toBe(iso('2026-11-30T14:30:00+08:00'));
    // The first-response clock does not pause.
    expect(resumed.firstResponse.dueAt).toBe(sla.firstResponse.dueAt);
  });

  it('retarget running clocks when the policy changes, leaving finished ones alone', () => {
    const sla = meetClock(startSla(policy, created, calendar), 'first_response', created);
    const urgent = { ...policy, name: 'urgent', firstResponseMinutes: 15, resolutionMinutes: 60 };
    const retargeted = recomputeSla(sla, urgent, created, calendar);
    expect(retargeted.policyName).toBe('urgent');
    expect(retargeted.firstResponse).toEqual(sla.firstResponse);
    expect(retargeted.resolution.dueAt).toBe(iso('2026-11-30T10:00:00+08:00'));
  });
});
