import type { Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { storeOfCaller } from '../../stores/store-access';
import { luggageOfStore } from '../repository';
import type { ListLuggageQuery } from '../schema';
import type { Luggage } from '../views';

/** A store's luggage in one status (by default what is stored), soonest expected pick-up first. */
export async function listLuggage(principal: Principal, query: ListLuggageQuery): Promise<Page<Luggage>> {
  await storeOfCaller(principal, query.storeId);
  return luggageOfStore(principal.tenantId, query.storeId, query.status, {
    limit: query.limit,
    cursor: query.cursor,
  });
}
