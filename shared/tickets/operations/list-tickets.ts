import { encodeTime } from 'ulidx';
import { assertStoreAccess, canActInStore, type Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { invalidInput } from '../../errors';
import { notInDirectory } from '../../staff/linking';
import { staffIdForUser } from '../../staff/repository';
import { ticketEntity } from '../entities';
import { listTicketsInView, type TicketView } from '../repository';
import type { ListTicketsQuery } from '../schema';
import type { Ticket } from '../views';

/** The largest time a ULID holds (year 10889); an open-ended range runs to it. */
const maxUlidTime = 2 ** 48 - 1;

/**
 * ULID bounds of a creation-time range, so a range is a key condition on the id-sorted views.
 * `from`/`to` passed the strict instant schema (2000–2100), so both fit the ULID's 48-bit time.
 */
function idRange(query: ListTicketsQuery): readonly [string, string] | undefined {
  if (query.from === undefined && query.to === undefined) return undefined;
  const from = query.from === undefined ? 0 : Date.parse(query.from);
  const to = query.to === undefined ? maxUlidTime : Date.parse(query.to);
  if (from > to) throw invalidInput([{ in: 'query', path: 'to', message: 'Must not be before from.' }]);
  return [`${encodeTime(from, 10)}${'0'.repeat(16)}`, `${encodeTime(to, 10)}${'Z'.repeat(16)}`];
}

/**
 * The queue views: by assignee ("my open tickets", `assigneeId=me`), by customer, or a store's
 * queue by status and/or creation-time range. Each is one Query on a key or index.
 */
export async function listTickets(principal: Principal, query: ListTicketsQuery): Promise<Page<Ticket>> {
  const { limit, cursor, ...filters } = query;
  const { tenantId } = principal;
  // The cursor is bound to every filter as asked, so it is refused with any other.
  const page = { limit, cursor, newestFirst: query.order === 'newest', list: 'tickets', filters };
  const range = idRange(query);
  let view: TicketView & { sortKeyBetween?: readonly [string, string] };
  if (query.assigneeId) {
    const staffId =
      query.assigneeId === 'me' ? await staffIdForUser(tenantId, principal.userId) : query.assigneeId;
    if (!staffId) {
      throw notInDirectory(principal.userId);
    }
    view = ticketEntity.view('byAssignee', {
      tenantId,
      assigneeId: staffId,
      ...(query.open === 'true' ? { openness: 'OPEN' } : {}),
    });
  } else if (query.customerId) {
    view = ticketEntity.view('byCustomer', { tenantId, customerId: query.customerId });
  } else {
    const storeId = query.storeId ?? (principal.storeIds.length === 1 ? principal.storeIds[0] : undefined);
    if (!storeId) {
      throw invalidInput([
        { in: 'query', path: 'storeId', message: 'Name the store, an assignee or a customer.' },
      ]);
    }
    assertStoreAccess(principal, storeId);
    view = {
      ...(query.status
        ? ticketEntity.view('byStoreStatus', { tenantId, storeId, status: query.status })
        : ticketEntity.view('byStore', { tenantId, storeId })),
      ...(range ? { sortKeyBetween: range } : {}),
    };
  }
  const result = await listTicketsInView(view, page);
  // Assignee and customer views span stores: show staff only what their stores allow.
  return {
    items: result.items.filter((ticket) => canActInStore(principal, ticket.storeId)),
    cursor: result.cursor,
  };
}
