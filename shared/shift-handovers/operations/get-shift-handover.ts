import type { Principal } from '../../access/principal';
import { shiftHandoverInScope } from '../lookups';
import type { ShiftHandover } from '../views';

export async function getShiftHandover(
  principal: Principal,
  shiftHandoverId: string,
): Promise<ShiftHandover> {
  return shiftHandoverInScope(principal, shiftHandoverId);
}
