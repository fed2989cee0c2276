import { assertStoreAccess, type Principal } from '../access/principal';
import { notFound } from '../errors';
import { findLostItem } from './repository';
import type { LostItem } from './views';

/** The item, if it is this tenant's (else 404) and in the caller's stores (else 403). */
export async function lostItemInScope(principal: Principal, id: string): Promise<LostItem> {
  const item = await findLostItem(principal.tenantId, id);
  if (!item) throw notFound('lost_item');
  assertStoreAccess(principal, item.storeId);
  return item;
}
