import { assertStoreAccess, type Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { invalidInput } from '../../errors';
import { merchantEntity } from '../entities';
import { listMerchantsInView } from '../repository';
import type { ListMerchantsQuery } from '../schema';
import type { Merchant } from '../views';

/** A store's merchants, all or in one status, in admission order. */
export async function listMerchants(
  principal: Principal,
  query: ListMerchantsQuery,
): Promise<Page<Merchant>> {
  const storeId = query.storeId ?? (principal.storeIds.length === 1 ? principal.storeIds[0] : undefined);
  if (!storeId)
    throw invalidInput([
      { in: 'query', path: 'storeId', message: 'Name the store whose merchants to list.' },
    ]);
  assertStoreAccess(principal, storeId);
  const { tenantId } = principal;
  const view = query.status
    ? merchantEntity.view('byStoreStatus', { tenantId, storeId, status: query.status })
    : merchantEntity.view('byStore', { tenantId, storeId });
  return listMerchantsInView(view, {
    limit: query.limit,
    cursor: query.cursor,
    list: 'merchants',
    filters: { storeId, status: query.status },
  });
}
