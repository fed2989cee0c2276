import type { Page } from '../db/cursor';
import { withoutKeys } from '../db/entity';
import { getEntity, isNew, putEntity, putVersioned } from '../db/items';
import { getItems, queryEntities } from '../db/query';
import { ConditionFailed, type CreateRemembered, writeTransaction } from '../db/transactions';
import { conflict } from '../errors';
import { storeCodeEntity, storeEntity } from './entities';
import type { Store } from './views';

/** The store and its code reservation, all or nothing: a taken code is a 409 and nothing is written. */
export async function insertStore(
  tenantId: string,
  store: Store,
  remembered: CreateRemembered,
): Promise<void> {
  try {
    await writeTransaction(
      tenantId,
      [
        putEntity(storeCodeEntity, tenantId, { code: store.code, storeId: store.id }, isNew),
        putEntity(storeEntity, tenantId, store, isNew),
      ],
      remembered,
    );
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) {
      throw conflict('store_code_taken', `Another store already uses the code ${store.code}.`);
    }
    throw error;
  }
}

export async function findStore(tenantId: string, storeId: string): Promise<Store | undefined> {
  return getEntity(storeEntity, { tenantId, id: storeId }, { consistent: false });
}

/** Up to 100 stores by id; ids of other tenants or unknown ids are simply absent. */
export async function findStores(tenantId: string, storeIds: readonly string[]): Promise<Store[]> {
  const unique = [...new Set(storeIds)];
  if (unique.length === 0) return [];
  if (unique.length > 100) throw new Error('findStores takes at most 100 ids');
  const items = await getItems(unique.map((id) => storeEntity.key({ tenantId, id })));
  const found = items.map((item) => withoutKeys<Store>(item));
  return found.sort((a, b) => a.code.localeCompare(b.code));
}

/** One page of the tenant's stores. */
export async function storesOfTenant(
  tenantId: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<Store>> {
  return queryEntities<Store>({
    ...storeEntity.view(undefined, { tenantId }),
    limit,
    cursor,
    list: 'stores',
  });
}

/** Replaces the store, conditioned on the version that was read. */
export async function replaceStore(tenantId: string, readVersion: number, store: Store): Promise<void> {
  await putVersioned(storeEntity, tenantId, store, readVersion, 'store');
}
