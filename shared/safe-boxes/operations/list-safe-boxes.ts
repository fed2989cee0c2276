import type { Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { storeOfCaller } from '../../stores/store-access';
import { safeBoxesOfStore } from '../repository';
import type { ListSafeBoxesQuery } from '../schema';
import type { SafeBox } from '../views';

/** A store's safe deposit boxes in one status (by default those open), oldest opening first. */
export async function listSafeBoxes(principal: Principal, query: ListSafeBoxesQuery): Promise<Page<SafeBox>> {
  await storeOfCaller(principal, query.storeId);
  return safeBoxesOfStore(principal.tenantId, query.storeId, query.status, {
    limit: query.limit,
    cursor: query.cursor,
  });
}
