import { assertStoreAccess, type Principal } from '../access/principal';
import { notFound } from '../errors';
import { findStore } from './repository';
import type { Store } from './views';

/** 404 when the tenant has no such store (whoever else might), 403 when it is not the caller's. */
export async function storeOfCaller(principal: Principal, storeId: string): Promise<Store> {
  const store = await findStore(principal.tenantId, storeId);
  if (!store) throw notFound('store');
  assertStoreAccess(principal, storeId);
  return store;
}
