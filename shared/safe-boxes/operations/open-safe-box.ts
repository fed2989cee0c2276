import type { Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { frontOfficeStore } from '../../front-office/desk';
import { newId } from '../../ids';
import { newSafeBox } from '../model';
import { safeBoxWrites, saveSafeBox } from '../repository';
import type { OpenSafeBoxInput } from '../schema';
import type { SafeBox } from '../views';

/** Opens a safe deposit box for a guest (保险箱记录卡); the box is reserved in the same transaction. */
export async function openSafeBox(
  principal: Principal,
  input: OpenSafeBoxInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<SafeBox> {
  await frontOfficeStore(principal, input.storeId);
  const box = newSafeBox({ id: newId(now), input, actorId: principal.userId, now });
  await saveSafeBox(principal.tenantId, box, safeBoxWrites(principal.tenantId, box), {
    claim: idempotency,
    response: { body: box },
    now,
  });
  return box;
}
