import { encodeTime } from 'ulidx';
import type { Principal } from '../../access/principal';
import { withoutKeys } from '../../db/entity';
import { getItems } from '../../db/query';
import { staffMemberEntity } from '../../staff/entities';
import type { StaffMember } from '../../staff/views';
import { ticketEntity } from '../../tickets/entities';
import { listTicketsInView } from '../../tickets/repository';
import type { Ticket } from '../../tickets/views';
import { localDaysRange, localMinute } from '../../time/local-days';
import { ledgerStatusOf } from '../labels';
import type { ExportLedgerQuery } from '../schema';
import { storeOfLedger } from '../store';
import type { LedgerLine, LedgerPage } from '../views';

/** Names of the staff members, by id (BatchGetItem, 100 ids a call); a removed member is simply absent. */
async function staffNames(tenantId: string, ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const unique = [...new Set(ids)];
  const names = new Map<string, string>();
  for (let start = 0; start < unique.length; start += 100) {
    const keys = unique.slice(start, start + 100).map((id) => staffMemberEntity.key({ tenantId, id }));
    for (const item of await getItems(keys)) {
      const member = withoutKeys<StaffMember>(item);
      names.set(member.id, member.name);
    }
  }
  return names;
}

export function ledgerLineOf(
  ticket: Ticket,
  timezone: string,
  names: ReadonlyMap<string, string>,
): LedgerLine {
  const local = (at: string | undefined) => localMinute(at, timezone);
  const line: Record<string, unknown> = {
    ticketId: ticket.id,
    number: ticket.number,
    openedAt: local(ticket.createdAt),
    customerName: ticket.contact?.name,
    contact: ticket.contact?.phone ?? ticket.contact?.email,
    type: ticket.type,
    channel: ticket.channel,
    priority: ticket.priority,
    subject: ticket.subject,
    description: ticket.description,
    status: ticket.status,
    ledgerStatus: ledgerStatusOf[ticket.status],
    assigneeName: ticket.assigneeId ? names.get(ticket.assigneeId) : undefined,
    firstRespondedAt: local(ticket.firstRespondedAt),
    resolvedAt: local(ticket.resolvedAt),
    resolution: ticket.resolution,
    closedAt: local(ticket.closedAt),
    reopenCount: ticket.reopenCount,
  };
  return Object.fromEntries(Object.entries(line).filter(([, value]) => value !== undefined)) as LedgerLine;
}

/**
 * 服务台台账: one page of a store's tickets opened on the local days from–to, oldest first. One
 * Query on the store's ticket view (sorted by id, a ULID, i.e. by creation time) between the
 * ULID bounds of the range, never a Scan; a type filter is applied to the page read, so a page
 * may hold fewer lines than `limit` while the cursor goes on.
 */
export async function exportLedger(principal: Principal, query: ExportLedgerQuery): Promise<LedgerPage> {
  const { tenantId } = principal;
  const store = await storeOfLedger(principal, query.storeId);
  const [low, high] = localDaysRange(query.from, query.to, store.timezone);
  const page = await listTicketsInView(
    {
      ...ticketEntity.view('byStore', { tenantId, storeId: store.storeId }),
      sortKeyBetween: [`${encodeTime(low, 10)}${'0'.repeat(16)}`, `${encodeTime(high, 10)}${'Z'.repeat(16)}`],
    },
    {
      limit: query.limit,
      cursor: query.cursor,
      list: 'ledger',
      // Bound to every filter as asked, the format too: a cursor goes on only the export it came from.
      filters: {
        storeId: query.storeId,
        from: query.from,
        to: query.to,
        type: query.type,
        format: query.format,
      },
    },
  );
  const tickets = query.type ? page.items.filter((ticket) => ticket.type === query.type) : page.items;
  const names = await staffNames(
    tenantId,
    tickets.flatMap((ticket) => (ticket.assigneeId ? [ticket.assigneeId] : [])),
  );
  return {
    ...store,
    from: query.from,
    to: query.to,
    ...(query.type ? { type: query.type } : {}),
    items: tickets.map((ticket) => ledgerLineOf(ticket, store.timezone, names)),
    cursor: page.cursor,
  };
}
