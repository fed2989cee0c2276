import type { Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { storeOfCaller } from '../../stores/store-access';
import { shiftHandoversOfStore } from '../repository';
import type { ListShiftHandoversQuery } from '../schema';
import type { ShiftHandover } from '../views';

/** A store's handovers in one status (by default those awaiting acceptance), the latest first. */
export async function listShiftHandovers(
  principal: Principal,
  query: ListShiftHandoversQuery,
): Promise<Page<ShiftHandover>> {
  await storeOfCaller(principal, query.storeId);
  return shiftHandoversOfStore(principal.tenantId, query.storeId, query.status, {
    limit: query.limit,
    cursor: query.cursor,
  });
}
