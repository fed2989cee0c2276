import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { shiftHandoverInScope } from '../lookups';
import { applyAcceptance } from '../model';
import { saveShiftHandover } from '../repository';
import type { AcceptShiftHandoverInput } from '../schema';
import type { ShiftHandover } from '../views';

/** The incoming person accepts the shift; from then on the handover never changes. */
export async function acceptShiftHandover(
  principal: Principal,
  shiftHandoverId: string,
  input: AcceptShiftHandoverInput,
  now: Date,
): Promise<ShiftHandover> {
  const before = await shiftHandoverInScope(principal, shiftHandoverId);
  if (before.version !== input.version) throw versionConflict('shift handover');
  const after = applyAcceptance(before, input, { actorId: principal.userId, now });
  await saveShiftHandover(principal.tenantId, after, before);
  return after;
}
