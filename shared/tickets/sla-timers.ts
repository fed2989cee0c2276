import { resolveCalendar } from '../calendar/repository';
import { writeTransaction } from '../db/transactions';
import { newId } from '../ids';
import { type Notification, notificationWrite } from '../notifications/inbox';
import { applyStage, clockOf, stageKey } from '../sla/clock';
import { type SlaClockName, slaClocks } from '../sla/schema';
import { listMemberships, type StoreMembership } from '../staff/repository';
import { findStore } from '../stores/repository';
import { dropTimerWrite, findTimer, scheduleTimerWrite, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { applyAssignment } from './model';
import { findTicket, saveTicketChange } from './repository';
import { sideEffects } from './side-effects';
import { nextStageFor } from './sla-tracking';
import type { Ticket, TimelineEvent } from './views';

export type FireOutcome = 'applied' | 'stale' | 'duplicate';

/** Delivered before its time (clock skew, an early redelivery): fail it so SQS tries again later. */
export class TimerNotDueYet extends Error {}

const eventKinds = { warning: 'sla_warning', breach: 'sla_breached', escalation: 'sla_escalated' } as const;

const leastLoaded = (members: readonly StoreMembership[]) =>
  [...members].sort(
    (a, b) =>
      a.openTickets - b.openTickets ||
      (a.lastAssignedAt ?? '').localeCompare(b.lastAssignedAt ?? '') ||
      a.id.localeCompare(b.id),
  )[0];

/**
 * Applies the SLA step a timer stands for: warning, breach, or a rung of the escalation ladder.
 * Everything lands in one transaction: the ticket (conditioned on its version), the timeline
 * event, the inbox entries, any reassignment, and the timer's next step (conditioned on the
 * generation this message carried). A duplicate or stale delivery therefore changes nothing.
 */
export async function fireSlaTimer(message: TimerMessage, now: Date): Promise<FireOutcome> {
  const key = { pk: message.pk, sk: message.sk };
  const timer = await findTimer(key);
  if (!timer || timer.generation !== message.generation || timer.state !== 'dispatched') return 'stale';
  const clock = slaClocks.find((name) => name === timer.sk) as SlaClockName | undefined;
  const ticket = clock ? await findTicket(timer.tenantId, timer.subjectId) : undefined;
  const store = ticket ? await findStore(timer.tenantId, ticket.storeId) : undefined;
  if (!clock || !ticket?.sla || !store) {
    // Nothing left to time: the ticket or its store is gone, or the timer is not an SLA clock.
    await unlessAlreadyDone(message, () =>
      writeTransaction(timer.tenantId, [dropTimerWrite(key, timer.generation)]),
    );
    return 'stale';
  }
  const calendar = await resolveCalendar(timer.tenantId, store);
  const stage = nextStageFor(ticket, clock, calendar);
  if (!stage || stageKey(stage) !== timer.stage) {
    // The ticket moved on (resolved, paused, retargeted) and its own change rescheduled the
    // clock; this message is for work that no longer exists.
    return 'stale';
  }
  if (stage.at.getTime() > now.getTime() + 1_000)
    throw new TimerNotDueYet(`${timer.stage} is not due at ${now.toISOString()}`);

  const effect = applyStage(ticket.sla, clock, stage, now);
  const at = now.toISOString();
  let next: Ticket = { ...ticket, sla: effect.sla, updatedAt: at, version: ticket.version + 1 };
  const events: TimelineEvent[] = [];
  const needsStaff =
    effect.notify.roles.length > 0 || effect.reassignToRole !== undefined || !ticket.assigneeId;
  const members = needsStaff ? await listMemberships(timer.tenantId, store.id) : [];
  if (effect.reassignToRole) {
    const role = effect.reassignToRole;
    const target = leastLoaded(
      members.filter(
        (member) =>
          member.roles.includes(role) && member.userId !== undefined && member.id !== ticket.assigneeId,
      ),
    );
    const reassigned =
      target &&
      applyAssignment(
        next,
        { staffId: target.id, userId: target.userId },
        {
          actorId: 'sla-escalation',
          eventId: newId(now),
          now,
          auto: true,
          note: `SLA escalation level ${effect.level ?? 0}`,
        },
      );
    if (reassigned) {
      next = reassigned.ticket;
      events.push(reassigned.event);
    }
  }
  // A warning or breach of an unassigned ticket goes to the first rung of the ladder instead.
  const roles =
    effect.notify.assignee && !next.assigneeId
      ? (ticket.sla.escalations[0]?.notifyRoles ?? ['supervisor'])
      : effect.notify.roles;
  const recipients = [
    ...new Set([
      ...(effect.notify.assignee && next.assigneeId ? [next.assigneeId] : []),
      ...members
        .filter((member) => member.roles.some((role) => roles.includes(role)))
        .map((member) => member.id),
    ]),
  ];
  const clockState = clockOf(effect.sla, clock);
  events.unshift({
    id: newId(now),
    ticketId: ticket.id,
    kind: eventKinds[stage.kind],
    clock,
    dueAt: clockState.dueAt,
    ...(effect.level ? { level: effect.level } : {}),
    notified: recipients,
    actorId: 'sla',
    at,
  });
  const notices: Notification[] = recipients.map((staffId) => ({
    id: newId(now),
    staffId,
    kind: eventKinds[stage.kind],
    clock,
    dueAt: clockState.dueAt,
    ...(effect.level ? { level: effect.level } : {}),
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    subject: ticket.subject,
    storeId: ticket.storeId,
    at,
  }));
  const following = nextStageFor(next, clock, calendar);
  const timerWrite = following
    ? scheduleTimerWrite(
        { ...timer, stage: stageKey(following), dueAt: following.at.toISOString(), generation: next.version },
        timer.generation,
      )
    : dropTimerWrite(key, timer.generation);
  const applied = await unlessAlreadyDone(message, () =>
    saveTicketChange(timer.tenantId, ticket, next, events, [
      ...sideEffects(timer.tenantId, ticket, next, now),
      ...notices.map((notice) => notificationWrite(timer.tenantId, notice)),
      timerWrite,
    ]),
  );
  return applied ? 'applied' : 'duplicate';
}
