import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { lostItemInScope } from '../lookups';
import { applyClaim } from '../model';
import { lostItemWrites, saveLostItems } from '../repository';
import type { ClaimLostItemInput } from '../schema';
import type { LostItem } from '../views';

/** The owner takes it back: their description, ID type and last four characters, the signed form. */
export async function claimLostItem(
  principal: Principal,
  lostItemId: string,
  input: ClaimLostItemInput,
  now: Date,
): Promise<LostItem> {
  const before = await lostItemInScope(principal, lostItemId);
  if (before.version !== input.version) throw versionConflict('lost item');
  const after = applyClaim(before, input, { actorId: principal.userId, now });
  await saveLostItems(principal.tenantId, lostItemWrites(principal.tenantId, after, before));
  return after;
}
