import type { CreateTicketInput, Ticket, TimelineEvent } from './schema';

/** A fresh ticket and the timeline event that records its creation. Pure: ids and time come in. */
export function openTicket(
  input: CreateTicketInput,
  ids: { ticketId: string; eventId: string },
  actorId: string,
  now: Date,
): { ticket: Ticket; created: TimelineEvent } {
  const at = now.toISOString();
  const ticket: Ticket = {
    ...input,
    id: ids.ticketId,
    status: 'new',
    assigneeId: null,
    createdBy: actorId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  return { ticket, created: { id: ids.eventId, ticketId: ticket.id, kind: 'created', actorId, at } };
}
