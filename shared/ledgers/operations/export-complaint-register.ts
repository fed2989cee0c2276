import type { Principal } from '../../access/principal';
import { complaintEntity } from '../../complaints/entities';
import type { Complaint } from '../../complaints/views';
import { queryEntities } from '../../db/query';
import type { ExportComplaintRegisterQuery } from '../../exports/schema';
import type { ComplaintRegisterPage } from '../../exports/views';
import { staffNamesByUser, ticketsById } from '../lookups';
import { exportFilters, idsCreatedOn } from '../period';
import { complaintRegisterLineOf } from '../registers/lines';
import { storeOfLedger } from '../store';

/**
 * 消费者投诉处理登记表: one page of a store's complaints registered on the local days from–to,
 * oldest first: one Query of the store's complaint view between the period's ULID bounds, then
 * the tickets (for the channel) and the handlers' names, once per page.
 */
export async function exportComplaintRegister(
  principal: Principal,
  query: ExportComplaintRegisterQuery,
): Promise<ComplaintRegisterPage> {
  const { tenantId } = principal;
  const store = await storeOfLedger(principal, query.storeId);
  const page = await queryEntities<Complaint>({
    ...complaintEntity.view('byStore', { tenantId, storeId: store.storeId }),
    sortKeyBetween: idsCreatedOn(query.from, query.to, store.timezone),
    limit: query.limit,
    cursor: query.cursor,
    list: 'complaint-register',
    filters: exportFilters(query),
  });
  const complaints = page.items;
  const [tickets, users] = await Promise.all([
    ticketsById(
      tenantId,
      complaints.map((complaint) => complaint.ticketId),
    ),
    staffNamesByUser(
      tenantId,
      complaints.map((complaint) => complaint.handledBy),
    ),
  ]);
  const lookups = { timezone: store.timezone, users, tickets };
  return {
    ...store,
    from: query.from,
    to: query.to,
    items: complaints.map((complaint) => complaintRegisterLineOf(complaint, lookups)),
    cursor: page.cursor,
  };
}
