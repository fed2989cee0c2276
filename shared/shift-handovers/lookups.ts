import { assertStoreAccess, type Principal } from '../access/principal';
import { notFound } from '../errors';
import { findShiftHandover } from './repository';
import type { ShiftHandover } from './views';

/** The handover, if it is this tenant's (else 404) and in the caller's stores (else 403). */
export async function shiftHandoverInScope(principal: Principal, id: string): Promise<ShiftHandover> {
  const handover = await findShiftHandover(principal.tenantId, id);
  if (!handover) throw notFound('shift_handover');
  assertStoreAccess(principal, handover.storeId);
  return handover;
}
