import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { safeBoxInScope } from '../lookups';
import { applyAccess } from '../model';
import { safeBoxWrites, saveSafeBox } from '../repository';
import type { RecordSafeBoxAccessInput } from '../schema';
import type { SafeBox } from '../views';

/** The guest opens the box again: signed, attended, logged on the card. */
export async function recordSafeBoxAccess(
  principal: Principal,
  safeBoxId: string,
  input: RecordSafeBoxAccessInput,
  now: Date,
): Promise<SafeBox> {
  const before = await safeBoxInScope(principal, safeBoxId);
  if (before.version !== input.version) throw versionConflict('safe box');
  const after = applyAccess(before, input, { actorId: principal.userId, now });
  await saveSafeBox(principal.tenantId, after, safeBoxWrites(principal.tenantId, after, before));
  return after;
}
