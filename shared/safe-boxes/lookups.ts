import { assertStoreAccess, type Principal } from '../access/principal';
import { notFound } from '../errors';
import { findSafeBox } from './repository';
import type { SafeBox } from './views';

/** The card, if it is this tenant's (else 404) and in the caller's stores (else 403). */
export async function safeBoxInScope(principal: Principal, id: string): Promise<SafeBox> {
  const box = await findSafeBox(principal.tenantId, id);
  if (!box) throw notFound('safe_box');
  assertStoreAccess(principal, box.storeId);
  return box;
}
