import { assertStoreAccess, type Principal } from '../access/principal';
import { notFound } from '../errors';
import { findStore } from '../stores/repository';

/** The store a ledger is of: in the caller's scope (else 403) and this tenant's (else 404). */
export async function storeOfLedger(principal: Principal, storeId: string) {
  assertStoreAccess(principal, storeId);
  const store = await findStore(principal.tenantId, storeId);
  if (!store) throw notFound('store');
  return {
    storeId: store.id,
    storeCode: store.code,
    storeName: store.name,
    timezone: store.timezone,
  };
}
