import { atVersion, isNew, putEntity } from '../db/items';
import type { TransactionItem } from '../db/transactions';
import { newId } from '../ids';
import { withSla } from '../tickets/changes';
import { ticketEntity, timelineEventEntity } from '../tickets/entities';
import { isOpen } from '../tickets/lifecycle';
import { sideEffects } from '../tickets/side-effects';
import type { Ticket, TimelineEvent } from '../tickets/views';

/**
 * A complaint case that closes takes its ticket with it, in the same transaction: resolved with
 * the case's outcome (its SLA clocks met, their timers dropped, the assignee's open count down)
 * and closed, the customer's answer being part of the case (explanation, or feedback and
 * satisfaction). The ticket is written at the version read: a ticket changed meanwhile is a
 * conflict and nothing is written. Returns the writes, the ticket write first.
 */
export async function ticketClosingWrites(
  tenantId: string,
  ticket: Ticket,
  outcome: string,
  actorId: string,
  now: Date,
): Promise<TransactionItem[]> {
  const at = now.toISOString();
  const resolution = outcome.slice(0, 2000);
  const events: TimelineEvent[] = [];
  let resolved = ticket;
  if (isOpen(ticket.status)) {
    resolved = { ...ticket, status: 'resolved', resolvedAt: at, resolution };
    events.push({
      id: newId(now),
      ticketId: ticket.id,
      kind: 'status_changed',
      from: ticket.status,
      to: 'resolved',
      reason: 'complaint case closed',
      resolution,
      actorId,
      at,
    });
  }
  const tracked = await withSla(tenantId, ticket, resolved, now);
  const closed: Ticket = {
    ...tracked.ticket,
    status: 'closed',
    closedAt: at,
    updatedAt: at,
    version: ticket.version + 1,
  };
  events.push({
    id: newId(now),
    ticketId: ticket.id,
    kind: 'status_changed',
    from: resolved.status,
    to: 'closed',
    reason: 'complaint case closed',
    actorId,
    at,
  });
  return [
    putEntity(ticketEntity, tenantId, closed, atVersion(ticket.version)),
    ...events.map((event) => putEntity(timelineEventEntity, tenantId, event, isNew)),
    ...sideEffects(tenantId, ticket, closed, now),
    ...tracked.timers,
  ];
}
