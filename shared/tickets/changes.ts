import { assertStoreAccess, type Principal } from '../access/principal';
import { resolveCalendar } from '../calendar/repository';
import type { BusinessCalendar } from '../calendar/views';
import type { TransactionItem } from '../db/transactions';
import { notFound, versionConflict } from '../errors';
import { readSlaPolicies } from '../sla/repository';
import { findStore } from '../stores/repository';
import { findTicket } from './repository';
import { slaTimerWrites, trackSla } from './sla-tracking';
import type { Ticket } from './views';

/*
 * What the ticket operations that change a ticket have in common: reading it as the caller may
 * see it, checking the version they read, and the SLA consequences of the change.
 */

/** The ticket, if it is in the caller's tenant (else 404) and one of their stores (else 403). */
export async function visibleTicket(principal: Principal, ticketId: string): Promise<Ticket> {
  const ticket = await findTicket(principal.tenantId, ticketId);
  if (!ticket) throw notFound('ticket');
  assertStoreAccess(principal, ticket.storeId);
  return ticket;
}

/** A version the caller says they read must still be the ticket's. */
export function assertReadVersion(ticket: Ticket, version: number | undefined): void {
  if (version !== undefined && version !== ticket.version) throw versionConflict('ticket');
}

/**
 * The SLA side of a ticket change: the clocks it moves and the timers that follow them.
 * Tickets without an SLA cost nothing extra; others read their store's calendar.
 */
export async function withSla(
  tenantId: string,
  before: Ticket,
  after: Ticket,
  now: Date,
): Promise<{ ticket: Ticket; timers: TransactionItem[]; calendar?: BusinessCalendar }> {
  if (!after.sla) return { ticket: after, timers: [] };
  const store = await findStore(tenantId, after.storeId);
  if (!store) return { ticket: after, timers: [] };
  const retargets = before.type !== after.type || before.priority !== after.priority;
  const [calendar, policies] = await Promise.all([
    resolveCalendar(tenantId, store),
    retargets ? readSlaPolicies(tenantId).then((set) => set.policies) : Promise.resolve(undefined),
  ]);
  const ticket = trackSla(before, after, { calendar, ...(policies ? { policies } : {}), now });
  return { ticket, timers: slaTimerWrites(tenantId, before, ticket, calendar), calendar };
}
