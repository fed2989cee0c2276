import type { Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { newId } from '../../ids';
import { newStore } from '../model';
import { insertStore } from '../repository';
import type { CreateStoreInput } from '../schema';
import type { Store } from '../views';

export async function createStore(
  principal: Principal,
  input: CreateStoreInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<Store> {
  const store = newStore(input, newId(now), now);
  await insertStore(principal.tenantId, store, { claim: idempotency, response: { body: store }, now });
  return store;
}
