import type { BusinessCalendar } from '../calendar/views';
import type { TransactionItem } from '../db/transactions';
import {
  meetClock,
  nextSlaStage,
  pauseResolution,
  recomputeSla,
  reopenResolution,
  resumeResolution,
  type SlaStage,
  stageKey,
} from '../sla/clock';
import { matchPolicy } from '../sla/policies';
import { type SlaClockName, type SlaPolicy, slaClocks } from '../sla/schema';
import { timerKey } from '../timers/keys';
import { dropTimerWrite, scheduleTimerWrite } from '../timers/repository';
import type { Ticket } from './views';

export interface SlaContext {
  readonly calendar: BusinessCalendar;
  /** Needed only when type or priority change; the new policy is matched from them. */
  readonly policies?: readonly SlaPolicy[];
  readonly now: Date;
}

const waiting = (status: Ticket['status']) =>
  status === 'pending_customer' || status === 'pending_third_party';

/** What fires next for a clock of this ticket; nothing once the ticket is closed or cancelled. */
export function nextStageFor(
  ticket: Ticket,
  clock: SlaClockName,
  calendar: BusinessCalendar,
): SlaStage | undefined {
  if (!ticket.sla || ticket.status === 'closed' || ticket.status === 'cancelled') return undefined;
  return nextSlaStage(ticket.sla, clock, new Date(ticket.createdAt), calendar);
}

/** The SLA consequences of a ticket change (pause, resume, first response, resolve, reopen, retarget). */
export function trackSla(before: Ticket, after: Ticket, context: SlaContext): Ticket {
  let sla = after.sla;
  if (!sla) return after;
  const createdAt = new Date(after.createdAt);
  if ((before.type !== after.type || before.priority !== after.priority) && context.policies) {
    const policy = matchPolicy(context.policies, after);
    if (policy) sla = recomputeSla(sla, policy, createdAt, context.calendar);
  }
  if (after.firstRespondedAt && !before.firstRespondedAt) sla = meetClock(sla, 'first_response', context.now);
  if (waiting(after.status) && !waiting(before.status)) sla = pauseResolution(sla, context.now);
  if (waiting(before.status) && !waiting(after.status))
    sla = resumeResolution(sla, context.now, createdAt, context.calendar);
  if (after.status === 'resolved' && before.status !== 'resolved') {
    // Resolving answers the customer too.
    sla = meetClock(meetClock(sla, 'first_response', context.now), 'resolution', context.now);
  }
  if (before.status === 'resolved' && after.status === 'in_progress') sla = reopenResolution(sla);
  return { ...after, sla };
}

/** A timer's row for one SLA clock of a ticket. */
export const slaTimerKey = (tenantId: string, ticketId: string, clock: SlaClockName) =>
  timerKey(tenantId, ticketId, clock);

/** Writes bringing the ticket's timers in line with its SLA: only clocks whose next stage moved. */
export function slaTimerWrites(
  tenantId: string,
  before: Ticket | undefined,
  after: Ticket,
  calendar: BusinessCalendar,
): TransactionItem[] {
  return slaClocks.flatMap((clock) => {
    const previous = before ? nextStageFor(before, clock, calendar) : undefined;
    const next = nextStageFor(after, clock, calendar);
    if (stageKey(previous) === stageKey(next)) return [];
    const key = slaTimerKey(tenantId, after.id, clock);
    if (!next) return before ? [dropTimerWrite(key)] : [];
    return [
      scheduleTimerWrite({
        ...key,
        tenantId,
        kind: 'sla',
        queue: 'escalation',
        subjectId: after.id,
        stage: stageKey(next),
        dueAt: next.at.toISOString(),
        generation: after.version,
      }),
    ];
  });
}
