import type { Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { storeOfCaller } from '../../stores/store-access';
import { lostItemsOfStore } from '../repository';
import type { ListLostItemsQuery } from '../schema';
import type { LostItem } from '../views';

/** A store's found items in one status (by default those held), soonest end of retention first. */
export async function listLostItems(
  principal: Principal,
  query: ListLostItemsQuery,
): Promise<Page<LostItem>> {
  await storeOfCaller(principal, query.storeId);
  return lostItemsOfStore(principal.tenantId, query.storeId, query.status, {
    limit: query.limit,
    cursor: query.cursor,
  });
}
