import type { Principal } from '../../access/principal';
import { resolveCalendar } from '../../calendar/repository';
import type { BusinessCalendar } from '../../calendar/views';
import type { TransactionItem } from '../../db/transactions';
import { newId } from '../../ids';
import { readTenantSettings } from '../../settings/tenant-settings';
import { findStore } from '../../stores/repository';
import { assertReadVersion, visibleTicket, withSla } from '../changes';
import { applyTransition } from '../model';
import { saveTicketChange } from '../repository';
import type { TransitionTicketInput } from '../schema';
import { sideEffects } from '../side-effects';
import type { Ticket } from '../views';

/**
 * What another area does when a ticket changes, supplied by shared/flows/ so that tickets never
 * import the areas that react to them.
 */
export interface TicketReactions {
  /** Writes that land with a resolution: the post-service revisit it books, if any. */
  readonly resolved: (
    tenantId: string,
    ticket: Ticket,
    calendar: BusinessCalendar,
    actorId: string,
    now: Date,
  ) => Promise<
    { readonly postServiceRevisitId: string; readonly writes: readonly TransactionItem[] } | undefined
  >;
}

/** Moves a ticket along the status machine, with its SLA, side effects and reactions in one write. */
export async function transitionTicket(
  principal: Principal,
  ticketId: string,
  input: TransitionTicketInput,
  now: Date,
  reactions: TicketReactions,
): Promise<Ticket> {
  const ticket = await visibleTicket(principal, ticketId);
  assertReadVersion(ticket, input.version);
  const reopening = ticket.status === 'resolved' && input.to === 'in_progress';
  const { reopenWindowDays } = reopening
    ? await readTenantSettings(principal.tenantId)
    : { reopenWindowDays: 0 };
  const change = applyTransition(ticket, input, principal, { eventId: newId(now), now, reopenWindowDays });
  const tracked = await withSla(principal.tenantId, ticket, change.ticket, now);
  const followUp =
    input.to === 'resolved'
      ? await serviceRevisit(principal, tracked.ticket, now, reactions, tracked.calendar)
      : undefined;
  const moved = followUp
    ? { ...tracked.ticket, postServiceRevisitId: followUp.postServiceRevisitId }
    : tracked.ticket;
  await saveTicketChange(
    principal.tenantId,
    ticket,
    moved,
    [change.event],
    [...sideEffects(principal.tenantId, ticket, moved, now), ...tracked.timers, ...(followUp?.writes ?? [])],
  );
  return moved;
}

/** Resolving a service ticket of a known customer schedules its 回访 in the same transaction. */
async function serviceRevisit(
  principal: Principal,
  ticket: Ticket,
  now: Date,
  reactions: TicketReactions,
  known?: BusinessCalendar,
) {
  if (!ticket.customerId || ticket.postServiceRevisitId) return undefined;
  let calendar = known;
  if (!calendar) {
    const store = await findStore(principal.tenantId, ticket.storeId);
    if (!store) return undefined;
    calendar = await resolveCalendar(principal.tenantId, store);
  }
  return reactions.resolved(principal.tenantId, ticket, calendar, principal.userId, now);
}
