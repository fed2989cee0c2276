import { assertStoreAccess, type Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { DomainError } from '../../errors';
import { newId } from '../../ids';
import { findStore } from '../../stores/repository';
import { newMerchant } from '../model';
import { merchantWrites, saveMerchant } from '../repository';
import type { CreateMerchantInput } from '../schema';
import type { Merchant } from '../views';

/** 商铺经营户准入: the merchant is admitted to the store with its licence, scope and lease. */
export async function createMerchant(
  principal: Principal,
  input: CreateMerchantInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<Merchant> {
  assertStoreAccess(principal, input.storeId);
  if (!(await findStore(principal.tenantId, input.storeId))) {
    throw new DomainError('rule_refused', 'store_not_found', 'No such store.', [
      { in: 'body', path: 'storeId', message: 'No such store.' },
    ]);
  }
  const merchant = newMerchant(input, { id: newId(now), actorId: principal.userId, now });
  await saveMerchant(principal.tenantId, merchantWrites(principal.tenantId, merchant), {
    claim: idempotency,
    response: { body: merchant },
    now,
  });
  return merchant;
}
