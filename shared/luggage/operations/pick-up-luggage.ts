import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { luggageInScope } from '../lookups';
import { applyPickUp } from '../model';
import { luggageWrites, saveLuggage } from '../repository';
import type { PickUpLuggageInput } from '../schema';
import type { Luggage } from '../views';

/** The guest collects the luggage: the tag is released and the reminder, if pending, dropped. */
export async function pickUpLuggage(
  principal: Principal,
  luggageId: string,
  input: PickUpLuggageInput,
  now: Date,
): Promise<Luggage> {
  const before = await luggageInScope(principal, luggageId);
  if (before.version !== input.version) throw versionConflict('luggage');
  const after = applyPickUp(before, input, { actorId: principal.userId, now });
  await saveLuggage(principal.tenantId, after, luggageWrites(principal.tenantId, after, before));
  return after;
}
