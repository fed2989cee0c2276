import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { replaceStore } from '../repository';
import type { UpdateStoreInput } from '../schema';
import { storeOfCaller } from '../store-access';
import type { Store } from '../views';

export async function updateStore(
  principal: Principal,
  storeId: string,
  input: UpdateStoreInput,
  now: Date,
): Promise<Store> {
  const store = await storeOfCaller(principal, storeId);
  if (store.version !== input.version) throw versionConflict('store');
  const { version, ...changes } = input;
  const next: Store = { ...store, ...changes, updatedAt: now.toISOString(), version: store.version + 1 };
  await replaceStore(principal.tenantId, store.version, next);
  return next;
}
