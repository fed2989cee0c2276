import type { StaffRole } from '../access/roles';
import { addBusinessMinutes, businessMinutesBetween } from '../calendar/business-time';
import type { BusinessCalendar } from '../calendar/views';
import type { SlaClockName, SlaPolicy } from './schema';
import type { SlaClock, TicketSla } from './views';

/**
 * The SLA of one ticket as pure functions of its state, the store's calendar and `now`.
 * A clock's due time is always `createdAt + target (+ paused business minutes, for resolution)`
 * in business minutes; business-minute addition composes, so pausing and resuming only has to
 * add the paused minutes. What fires next for a clock is derived, never stored apart from it.
 */
const pending = (targetMinutes: number, dueAt: Date): SlaClock => ({
  targetMinutes,
  dueAt: dueAt.toISOString(),
  state: 'pending',
  escalationLevel: 0,
});

export function startSla(policy: SlaPolicy, createdAt: Date, calendar: BusinessCalendar): TicketSla {
  return {
    policyName: policy.name,
    warningPercent: policy.warningPercent,
    escalations: policy.escalations,
    pausedMinutes: 0,
    pausedAt: null,
    firstResponse: pending(
      policy.firstResponseMinutes,
      addBusinessMinutes(calendar, createdAt, policy.firstResponseMinutes),
    ),
    resolution: pending(
      policy.resolutionMinutes,
      addBusinessMinutes(calendar, createdAt, policy.resolutionMinutes),
    ),
  };
}

const offsetOf = (sla: TicketSla, clock: SlaClockName) => (clock === 'resolution' ? sla.pausedMinutes : 0);

const dueOf = (
  sla: TicketSla,
  clock: SlaClockName,
  target: number,
  createdAt: Date,
  calendar: BusinessCalendar,
) => addBusinessMinutes(calendar, createdAt, target + offsetOf(sla, clock)).toISOString();

/** Type or priority changed: a new policy's targets apply to clocks still running. */
export function recomputeSla(
  sla: TicketSla,
  policy: SlaPolicy,
  createdAt: Date,
  calendar: BusinessCalendar,
): TicketSla {
  const retarget = (clock: SlaClockName, target: number): SlaClock => {
    const current = clockOf(sla, clock);
    if (current.state === 'met' || current.state === 'breached') return current;
    return { ...current, targetMinutes: target, dueAt: dueOf(sla, clock, target, createdAt, calendar) };
  };
  return {
    ...sla,
    policyName: policy.name,
    warningPercent: policy.warningPercent,
    escalations: policy.escalations,
    firstResponse: retarget('first_response', policy.firstResponseMinutes),
    resolution: retarget('resolution', policy.resolutionMinutes),
  };
}

const clockKey = (clock: SlaClockName) => (clock === 'first_response' ? 'firstResponse' : 'resolution');

export const clockOf = (sla: TicketSla, clock: SlaClockName): SlaClock => sla[clockKey(clock)];

const withClock = (sla: TicketSla, clock: SlaClockName, value: SlaClock): TicketSla => ({
  ...sla,
  [clockKey(clock)]: value,
});

/** Waiting on the customer or a third party stops the resolution clock. */
export function pauseResolution(sla: TicketSla, now: Date): TicketSla {
  if (sla.resolution.state !== 'pending') return sla;
  return { ...sla, pausedAt: now.toISOString(), resolution: { ...sla.resolution, state: 'paused' } };
}

/** Back to work: the paused business minutes move the resolution due time. */
export function resumeResolution(
  sla: TicketSla,
  now: Date,
  createdAt: Date,
  calendar: BusinessCalendar,
): TicketSla {
  if (sla.resolution.state !== 'paused' || sla.pausedAt === null) return sla;
  const paused = {
    ...sla,
    pausedMinutes: sla.pausedMinutes + businessMinutesBetween(calendar, new Date(sla.pausedAt), now),
    pausedAt: null,
  };
  return {
    ...paused,
    resolution: {
      ...sla.resolution,
      state: 'pending',
      dueAt: dueOf(paused, 'resolution', sla.resolution.targetMinutes, createdAt, calendar),
    },
  };
}

/** The promise was kept (or kept late: a breach stays a breach, with the time it was kept). */
export function meetClock(sla: TicketSla, clock: SlaClockName, now: Date): TicketSla {
  const current = clockOf(sla, clock);
  if (current.state === 'met' || current.metAt) return sla;
  const at = now.toISOString();
  const resumed = clock === 'resolution' ? { ...sla, pausedAt: null } : sla;
  return withClock(resumed, clock, {
    ...current,
    state: current.state === 'breached' ? 'breached' : 'met',
    metAt: at,
  });
}

/** A reopened ticket is not resolved after all: its resolution clock runs on from where it was due. */
export function reopenResolution(sla: TicketSla): TicketSla {
  const { resolution } = sla;
  if (!resolution.metAt) return sla;
  const { metAt: _kept, ...running } = resolution;
  return { ...sla, resolution: { ...running, state: resolution.breachedAt ? 'breached' : 'pending' } };
}

export type SlaStage =
  | { readonly kind: 'warning'; readonly at: Date }
  | { readonly kind: 'breach'; readonly at: Date }
  | { readonly kind: 'escalation'; readonly step: number; readonly at: Date };

/** What happens next to a clock, and when; undefined when nothing will. */
export function nextSlaStage(
  sla: TicketSla,
  clock: SlaClockName,
  createdAt: Date,
  calendar: BusinessCalendar,
): SlaStage | undefined {
  const current = clockOf(sla, clock);
  if (current.metAt || current.state === 'met' || current.state === 'paused') return undefined;
  if (current.state === 'pending') {
    if (!current.warnedAt && sla.warningPercent < 100) {
      const warnAfter = Math.floor((current.targetMinutes * sla.warningPercent) / 100) + offsetOf(sla, clock);
      return { kind: 'warning', at: addBusinessMinutes(calendar, createdAt, warnAfter) };
    }
    return { kind: 'breach', at: new Date(current.dueAt) };
  }
  const step = sla.escalations[current.escalationLevel];
  if (!step) return undefined;
  return {
    kind: 'escalation',
    step: current.escalationLevel,
    at: addBusinessMinutes(calendar, new Date(current.dueAt), step.afterBreachMinutes),
  };
}

/** A stage's identity: a timer whose stage differs from the ticket's next one is stale. */
export const stageKey = (stage: SlaStage | undefined) =>
  stage
    ? `${stage.kind}${stage.kind === 'escalation' ? `:${stage.step}` : ''}@${stage.at.toISOString()}`
    : 'none';

export interface StageEffect {
  readonly sla: TicketSla;
  /** Who hears of it: the assignee, and/or everyone of these roles in the ticket's store. */
  readonly notify: { readonly assignee: boolean; readonly roles: readonly StaffRole[] };
  readonly reassignToRole?: StaffRole | undefined;
  readonly level?: number;
}

/** Applies a due stage to the ticket's SLA. */
export function applyStage(sla: TicketSla, clock: SlaClockName, stage: SlaStage, now: Date): StageEffect {
  const current = clockOf(sla, clock);
  const at = now.toISOString();
  if (stage.kind === 'warning') {
    return {
      sla: withClock(sla, clock, { ...current, warnedAt: at }),
      notify: { assignee: true, roles: [] },
    };
  }
  if (stage.kind === 'breach') {
    return {
      sla: withClock(sla, clock, { ...current, state: 'breached', breachedAt: at }),
      notify: { assignee: true, roles: [] },
    };
  }
  const step = sla.escalations[stage.step];
  return {
    sla: withClock(sla, clock, { ...current, escalationLevel: stage.step + 1 }),
    notify: { assignee: false, roles: step?.notifyRoles ?? [] },
    reassignToRole: step?.reassignToRole,
    level: stage.step + 1,
  };
}
