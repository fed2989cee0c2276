import { describe, expect, it } from 'vitest';
import {
  applyAttempt,
  applyCancel,
  applyTimerStep,
  dayAfter,
  localInstant,
  newWakeUpCall,
  nextOccurrence,
  wakeUpTimerOf,
} from '../../shared/wake-up-calls/model';
import type { RecordWakeUpAttemptInput } from '../../shared/wake-up-calls/schema';
import type { WakeUpCall } from '../../shared/wake-up-calls/views';

const at = (value: string) => new Date(value);
const rules = { retryMinutes: 2, maxCalls: 3, overdueMinutes: 5 };
const desk = { actorId: 'desk', mayDecide: false };
const dutyManager = { actorId: 'duty', mayDecide: true };

const booked = (overrides: Partial<Parameters<typeof newWakeUpCall>[0]> = {}) =>
  newWakeUpCall({
    id: '01JD0000000000000000000001',
    storeId: '01JD0000000000000000000002',
    room: '1203',
    guestName: '王先生',
    date: '2026-11-28',
    time: '06:30',
    timezone: 'Asia/Shanghai',
    repeat: 'once',
    rules,
    takenBy: 'desk',
    actorId: 'desk',
    now: at('2026-11-27T22:00:00+08:00'),
    ...overrides,
  });

const record = (call: WakeUpCall, outcome: RecordWakeUpAttemptInput['outcome'], when: string, extra = {}) =>
  applyAttempt(call, { version: call.version, outcome, ...extra }, { ...desk, now: at(when) });

/** Fires whatever the call's timer says, at its time. */
const fire = (call: WakeUpCall) => {
  const timer = wakeUpTimerOf(call);
  if (!timer) throw new Error('no timer');
  return applyTimerStep(call, timer.stage, at(timer.dueAt));
};

describe('wake-up call model', () => {
  it('localInstant: a wall-clock time in the store zone, DST included', () => {
    expect(localInstant('2026-11-28', '06:30', 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-27T22:30:00.000Z',
    );
    // New York: EDT (−4) before 1 Nov 2026, EST (−5) after; 02:30 on 8 Mar 2026 does not exist.
    expect(localInstant('2026-10-31', '06:30', 'America/New_York').toISOString()).toBe(
      '2026-10-31T10:30:00.000Z',
    );
    expect(localInstant('2026-11-01', '06:30', 'America/New_York').toISOString()).toBe(
      '2026-11-01T11:30:00.000Z',
    );
    expect(localInstant('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
  });

  it('applyTimerStep, applyAttempt: told at 06:30, no answer at 06:30, 06:32, 06:34 → a person is sent, then the visit closes it', () => {
    let call = booked();
    expect(wakeUpTimerOf(call)).toEqual({ stage: 'tell:1', dueAt: '2026-11-27T22:30:00.000Z' });
    const told = fire(call);
    expect(told.notice).toEqual({ kind: 'wake_up_due', to: 'desk', call: 1 });
    call = told.call;
    expect(call.status).toBe('calling');
    // Told: the escalation waits 5 minutes after the call's time.
    expect(wakeUpTimerOf(call)).toEqual({ stage: 'overdue:1', dueAt: '2026-11-27T22:35:00.000Z' });

    for (const [n, when] of [
      [1, '2026-11-28T06:30:20+08:00'],
      [2, '2026-11-28T06:32:20+08:00'],
    ] as const) {
      const missed = record(call, 'no_answer', when);
      expect(missed.notice).toBeUndefined();
      call = missed.call;
      const again = new Date(Date.parse(when) + 2 * 60_000).toISOString();
      expect(wakeUpTimerOf(call)).toEqual({ stage: `tell:${n + 1}`, dueAt: again });
      const toldAgain = fire(call);
      expect(toldAgain.notice).toEqual({ kind: 'wake_up_due', to: 'desk', call: n + 1 });
      call = toldAgain.call;
    }
    const third = record(call, 'no_answer', '2026-11-28T06:34:30+08:00');
    expect(third.notice).toEqual({ kind: 'wake_up_visit_needed', to: 'duty_managers', call: 3 });
    expect(third.call.status).toBe('visit_needed');
    expect(wakeUpTimerOf(third.call)).toBeUndefined();
    expect(() => record(third.call, 'no_answer', '2026-11-28T06:36:00+08:00')).toThrow(/visit_needed/);

    const visited = record(third.call, 'visited', '2026-11-28T06:40:00+08:00', {
      visitedBy: 'housekeeping',
      visitResult: 'guest_woken',
    });
    expect(visited.ended).toBe(true);
    expect(visited.call).toMatchObject({
      status: 'done',
      closedAs: 'visited',
      visit: { visitedBy: 'housekeeping', result: 'guest_woken', recordedBy: 'desk' },
    });
    expect(visited.call.calls.map((entry) => `${entry.n}:${entry.outcome}`)).toEqual([
      '1:no_answer',
      '2:no_answer',
      '3:no_answer',
    ]);
    expect(visited.call.history.map((entry) => entry.what)).toEqual([
      'requested',
      'told',
      'call_recorded',
      'told',
      'call_recorded',
      'told',
      'call_recorded',
      'visit_requested',
      'visit_recorded',
      'done',
    ]);
    expect(visited.call.version).toBe(1 + 7);
  });

  it('applyTimerStep: a call left unrecorded 5 minutes escalates once, and the call can still be recorded', () => {
    const told = fire(booked()).call;
    const escalated = fire(told);
    expect(escalated.notice).toEqual({ kind: 'wake_up_overdue', to: 'duty_managers', call: 1 });
    expect(escalated.call.calls[0]?.escalatedAt).toBe('2026-11-27T22:35:00.000Z');
    expect(wakeUpTimerOf(escalated.call)).toBeUndefined();
    const answered = record(escalated.call, 'answered', '2026-11-28T06:36:00+08:00');
    expect(answered.call).toMatchObject({ status: 'done', closedAs: 'answered' });
  });

  it('applyAttempt: do-not-disturb waits for the duty manager, who alone decides', () => {
    const dnd = record(fire(booked()).call, 'do_not_disturb', '2026-11-28T06:30:30+08:00');
    expect(dnd.notice).toEqual({ kind: 'wake_up_decision_needed', to: 'duty_managers', call: 1 });
    expect(wakeUpTimerOf(dnd.call)).toBeUndefined();
    const decide = (decision: 'leave' | 'call_again' | 'send_person', who = dutyManager) =>
      applyAttempt(
        dnd.call,
        { version: dnd.call.version, outcome: 'decided', decision },
        { ...who, now: at('2026-11-28T06:33:00+08:00') },
      );
    expect(() => decide('leave', desk)).toThrow(/duty manager/);
    expect(decide('leave').call).toMatchObject({ status: 'done', closedAs: 'left_per_dnd' });
    expect(decide('send_person').call.status).toBe('visit_needed');
    const again = decide('call_again').call;
    expect(wakeUpTimerOf(again)).toEqual({ stage: 'tell:2', dueAt: '2026-11-27T22:33:00.000Z' });
  });

  it('applyAttempt: refuses a call recorded more than 10 minutes early, and anything on a closed call', () => {
    expect(() => record(booked(), 'answered', '2026-11-28T06:19:00+08:00')).toThrow(/due at/);
    const done = record(booked(), 'answered', '2026-11-28T06:21:00+08:00').call;
    expect(() => record(done, 'answered', '2026-11-28T06:31:00+08:00')).toThrow(/done/);
    expect(() =>
      applyCancel(
        done,
        { version: done.version, scope: 'series' },
        { actorId: 'x', now: at('2026-11-28T06:32:00+08:00') },
      ),
    ).toThrow(/done/);
  });

  it('nextOccurrence: a daily series books the next day when one ends, up to `until` only', () => {
    const first = booked({ repeat: 'daily', until: '2026-11-29' });
    const ended = record(fire(first).call, 'answered', '2026-11-28T06:30:40+08:00');
    const next = nextOccurrence(ended.call, {
      id: '01JD0000000000000000000009',
      actorId: 'desk',
      now: at('2026-11-28T06:30:40+08:00'),
    });
    expect(next?.next).toMatchObject({
      id: '01JD0000000000000000000009',
      seriesId: first.id,
      date: '2026-11-29',
      time: '06:30',
      dueAt: '2026-11-28T22:30:00.000Z',
      status: 'scheduled',
      version: 1,
    });
    expect(next?.ended.nextId).toBe('01JD0000000000000000000009');
    const last = record(fire(next?.next as WakeUpCall).call, 'answered', '2026-11-29T06:31:00+08:00');
    expect(
      nextOccurrence(last.call, {
        id: '01JD000000000000000000000A',
        actorId: 'desk',
        now: at('2026-11-29T06:31:00+08:00'),
      }),
    ).toBeUndefined();
    // Cancelling one day lets the series go on; cancelling the series does not.
    const cancelNow = { actorId: 'desk', now: at('2026-11-27T23:00:00+08:00') };
    expect(applyCancel(first, { version: 1, scope: 'occurrence' }, cancelNow).ended).toBe(true);
    expect(applyCancel(first, { version: 1, scope: 'series' }, cancelNow).ended).toBe(false);
    expect(nextOccurrence(booked(), { id: '01JD000000000000000000000B', ...cancelNow })).toBeUndefined();
  });
});
