import type { Principal } from '../../access/principal';
import type { SlaPolicySet } from '../policies';
import { readSlaPolicies } from '../repository';

/** The tenant's SLA policies, or the defaults (version 0) while it has saved none. */
export async function getSlaPolicies(principal: Principal): Promise<SlaPolicySet> {
  return readSlaPolicies(principal.tenantId);
}
