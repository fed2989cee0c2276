import type { Page } from '../db/cursor';
import { invalidInput, notFound, ruleRefused } from '../errors';
import { assertStoreAccess, type Principal } from '../http/principal';
import { newId } from '../ids';
import { findStore } from '../stores/repository';
import { openTicket } from './model';
import { findTicket, insertTicket, listTicketsOfStore } from './repository';
import type { CreateTicketInput, ListTicketsQuery, Ticket } from './schema';

export async function createTicket(
  principal: Principal,
  input: CreateTicketInput,
  now: Date,
): Promise<Ticket> {
  assertStoreAccess(principal, input.storeId);
  if (!(await findStore(principal.tenantId, input.storeId))) {
    throw ruleRefused('store_not_found', 'The ticket names a store that does not exist.');
  }
  const { ticket, created } = openTicket(
    input,
    { ticketId: newId(now), eventId: newId(now) },
    principal.userId,
    now,
  );
  await insertTicket(principal.tenantId, ticket, created);
  return ticket;
}

export async function getTicket(principal: Principal, ticketId: string): Promise<Ticket> {
  const ticket = await findTicket(principal.tenantId, ticketId);
  if (!ticket) throw notFound('ticket');
  assertStoreAccess(principal, ticket.storeId);
  return ticket;
}

/** A store's queue. Callers with exactly one store may leave the store out. */
export async function listTickets(principal: Principal, query: ListTicketsQuery): Promise<Page<Ticket>> {
  const storeId = query.storeId ?? (principal.storeIds.length === 1 ? principal.storeIds[0] : undefined);
  if (!storeId) {
    throw invalidInput([{ in: 'query', path: 'storeId', message: 'Name the store whose tickets to list.' }]);
  }
  assertStoreAccess(principal, storeId);
  return listTicketsOfStore(principal.tenantId, {
    storeId,
    status: query.status,
    limit: query.limit,
    cursor: query.cursor,
    newestFirst: query.order === 'newest',
  });
}
