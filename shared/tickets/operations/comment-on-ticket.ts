import type { Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { newId } from '../../ids';
import { visibleTicket, withSla } from '../changes';
import { applyComment } from '../model';
import { appendTicketEvent, saveTicketChange } from '../repository';
import type { CommentOnTicketInput } from '../schema';
import type { TimelineEvent } from '../views';

/** A comment on the timeline; the first public one is the first response and moves the ticket. */
export async function commentOnTicket(
  principal: Principal,
  ticketId: string,
  input: CommentOnTicketInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<TimelineEvent> {
  const ticket = await visibleTicket(principal, ticketId);
  const change = applyComment(ticket, input, { actorId: principal.userId, eventId: newId(now), now });
  const remembered = { claim: idempotency, response: { body: change.event }, now };
  if (change.ticket) {
    const tracked = await withSla(principal.tenantId, ticket, change.ticket, now);
    await saveTicketChange(
      principal.tenantId,
      ticket,
      tracked.ticket,
      [change.event],
      tracked.timers,
      remembered,
    );
  } else {
    await appendTicketEvent(principal.tenantId, change.event, remembered);
  }
  return change.event;
}
