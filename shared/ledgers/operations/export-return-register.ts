import type { Principal } from '../../access/principal';
import { returnCaseEntity } from '../../after-sales/entities';
import type { ReturnCase } from '../../after-sales/model';
import { queryEntities } from '../../db/query';
import type { ExportReturnRegisterQuery } from '../../exports/schema';
import type { ReturnRegisterPage } from '../../exports/views';
import { customersById, purchasesById, staffNamesByUser, ticketsById } from '../lookups';
import { exportFilters, idsCreatedOn } from '../period';
import { returnRegisterLineOf } from '../registers/lines';
import { storeOfLedger } from '../store';

/**
 * 无理由退货处理单 register: one page of a store's return and exchange cases registered on the local
 * days from–to, oldest first. One Query of the store's case view between the period's ULID
 * bounds, then one lookup per page of the tickets, customers, purchases and staff named.
 */
export async function exportReturnRegister(
  principal: Principal,
  query: ExportReturnRegisterQuery,
): Promise<ReturnRegisterPage> {
  const { tenantId } = principal;
  const store = await storeOfLedger(principal, query.storeId);
  const page = await queryEntities<ReturnCase>({
    ...returnCaseEntity.view('byStore', { tenantId, storeId: store.storeId }),
    sortKeyBetween: idsCreatedOn(query.from, query.to, store.timezone),
    limit: query.limit,
    cursor: query.cursor,
    list: 'return-register',
    filters: exportFilters(query),
  });
  const cases = page.items;
  const [tickets, customers, purchases, users] = await Promise.all([
    ticketsById(
      tenantId,
      cases.map((returnCase) => returnCase.ticketId),
    ),
    customersById(
      tenantId,
      cases.map((returnCase) => returnCase.customerId),
    ),
    purchasesById(tenantId, cases),
    staffNamesByUser(
      tenantId,
      cases.flatMap((returnCase) => [
        returnCase.createdBy,
        ...(returnCase.refundApproval ? [returnCase.refundApproval.by] : []),
      ]),
    ),
  ]);
  const lookups = { timezone: store.timezone, users, tickets, customers, purchases };
  return {
    ...store,
    from: query.from,
    to: query.to,
    items: cases.map((returnCase) => returnRegisterLineOf(returnCase, lookups)),
    cursor: page.cursor,
  };
}
