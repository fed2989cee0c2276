import { assertStoreAccess, type Principal } from '../access/principal';
import type { Page } from '../db/cursor';
import type { IdempotencyClaim } from '../db/idempotency';
import { conflict, invalidInput, notFound } from '../errors';
import { newId } from '../ids';
import { newStore } from './model';
import { findStore, findStores, insertStore, listStores, replaceStore } from './repository';
import type { CreateStoreInput, Store, UpdateStoreInput } from './schema';

export async function createStore(
  principal: Principal,
  input: CreateStoreInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<Store> {
  const store = newStore(input, newId(now), now);
  await insertStore(principal.tenantId, store, {
    claim: idempotency,
    response: { body: store },
    now,
  });
  return store;
}

/** 404 when the tenant has no such store (whoever else might), 403 when it is not the caller's. */
export async function getStore(principal: Principal, storeId: string): Promise<Store> {
  const store = await findStore(principal.tenantId, storeId);
  if (!store) throw notFound('store');
  assertStoreAccess(principal, storeId);
  return store;
}

/** Admins page through the tenant; everyone else sees the stores of their token, in one page. */
export async function listVisibleStores(
  principal: Principal,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<Store>> {
  if (principal.tenantWide) return listStores(principal.tenantId, query.limit, query.cursor);
  // Their list is one page and hands out no cursor, so any cursor sent back is not from it.
  if (query.cursor !== undefined) {
    throw invalidInput(
      [{ in: 'query', path: 'cursor', message: 'Not a cursor from this list.' }],
      'The cursor does not belong to this list.',
    );
  }
  return { items: await findStores(principal.tenantId, principal.storeIds.slice(0, 100)), cursor: null };
}

export async function updateStore(principal: Principal, storeId: string, input: UpdateStoreInput, now: Date) {
  const store = await getStore(principal, storeId);
  if (store.version !== input.version) {
    throw conflict('version_conflict', 'The store changed since it was read; read it again and retry.');
  }
  const { version, ...changes } = input;
  const next: Store = { ...store, ...changes, updatedAt: now.toISOString(), version: store.version + 1 };
  await replaceStore(principal.tenantId, store.version, next);
  return next;
}
