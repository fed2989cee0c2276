import { assertStoreAccess, type Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { DomainError } from '../../errors';
import { newId } from '../../ids';
import { findStore } from '../../stores/repository';
import { saveEquipment } from '../repository';
import type { CreateEquipmentInput } from '../schema';
import type { Equipment } from '../views';

/** A line of the store's equipment register (设备管理表), issued to someone or kept at the desk. */
export async function createEquipment(
  principal: Principal,
  input: CreateEquipmentInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<Equipment> {
  assertStoreAccess(principal, input.storeId);
  if (!(await findStore(principal.tenantId, input.storeId))) {
    throw new DomainError('rule_refused', 'store_not_found', 'No such store.', [
      { in: 'body', path: 'storeId', message: 'No such store.' },
    ]);
  }
  const at = now.toISOString();
  const equipment: Equipment = {
    ...input,
    id: newId(now),
    createdBy: principal.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await saveEquipment(principal.tenantId, equipment, 0, {
    claim: idempotency,
    response: { body: equipment },
    now,
  });
  return equipment;
}
