import { assertStoreAccess, type Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { listEquipmentOf } from '../repository';
import type { ListEquipmentQuery } from '../schema';
import type { Equipment } from '../views';

/** A store's equipment register, a page at a time, in the order the lines were made. */
export async function listEquipment(
  principal: Principal,
  query: ListEquipmentQuery,
): Promise<Page<Equipment>> {
  assertStoreAccess(principal, query.storeId);
  return listEquipmentOf(principal.tenantId, query.storeId, { limit: query.limit, cursor: query.cursor });
}
