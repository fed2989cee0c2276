import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { frontOfficeOf } from '../../stores/front-office-settings';
import { storeOfCaller } from '../../stores/store-access';
import { safeBoxInScope } from '../lookups';
import { applyClose } from '../model';
import { safeBoxWrites, saveSafeBox } from '../repository';
import type { CloseSafeBoxInput } from '../schema';
import type { SafeBox } from '../views';

/** Closed at check-out: the box is free again; a key not returned is recorded with the store's fee. */
export async function closeSafeBox(
  principal: Principal,
  safeBoxId: string,
  input: CloseSafeBoxInput,
  now: Date,
): Promise<SafeBox> {
  const before = await safeBoxInScope(principal, safeBoxId);
  if (before.version !== input.version) throw versionConflict('safe box');
  const store = await storeOfCaller(principal, before.storeId);
  const lostKeyFee = frontOfficeOf(store).safeBoxes.lostKeyFee;
  const after = applyClose(before, input, { actorId: principal.userId, now, lostKeyFee });
  await saveSafeBox(principal.tenantId, after, safeBoxWrites(principal.tenantId, after, before));
  return after;
}
