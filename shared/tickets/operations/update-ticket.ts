import type { Principal } from '../../access/principal';
import { newId } from '../../ids';
import { assertReadVersion, visibleTicket, withSla } from '../changes';
import { applyEdit } from '../model';
import { saveTicketChange } from '../repository';
import type { UpdateTicketInput } from '../schema';
import type { Ticket } from '../views';

/** Edits fields of an open or resolved ticket; an edit that changes nothing writes nothing. */
export async function updateTicket(
  principal: Principal,
  ticketId: string,
  input: UpdateTicketInput,
  now: Date,
): Promise<Ticket> {
  const ticket = await visibleTicket(principal, ticketId);
  assertReadVersion(ticket, input.version);
  const change = applyEdit(ticket, input, { actorId: principal.userId, eventId: newId(now), now });
  if (!change) return ticket;
  const tracked = await withSla(principal.tenantId, ticket, change.ticket, now);
  await saveTicketChange(principal.tenantId, ticket, tracked.ticket, [change.event], tracked.timers);
  return tracked.ticket;
}
