import type { Principal } from '../../access/principal';
import { readCompensationPolicy } from '../repository';
import type { CompensationPolicy } from '../schema';

/** The tenant's approval levels by amount; the defaults until an admin saves some. */
export async function getCompensationPolicy(principal: Principal): Promise<CompensationPolicy> {
  return readCompensationPolicy(principal.tenantId);
}
