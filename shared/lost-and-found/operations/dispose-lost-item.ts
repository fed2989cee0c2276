import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { lostItemInScope } from '../lookups';
import { applyDisposal } from '../model';
import { lostItemWrites, saveLostItems } from '../repository';
import type { DisposeLostItemInput } from '../schema';
import type { LostItem } from '../views';

/** Retention over and nobody came: disposed of, or handed to the police, recorded. */
export async function disposeLostItem(
  principal: Principal,
  lostItemId: string,
  input: DisposeLostItemInput,
  now: Date,
): Promise<LostItem> {
  const before = await lostItemInScope(principal, lostItemId);
  if (before.version !== input.version) throw versionConflict('lost item');
  const after = applyDisposal(before, input, { actorId: principal.userId, now });
  await saveLostItems(principal.tenantId, lostItemWrites(principal.tenantId, after, before));
  return after;
}
