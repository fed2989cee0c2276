import type { Principal } from '../../access/principal';
import { readRevisitRules } from '../repository';
import type { RevisitRules } from '../schema';

/** The tenant's revisit rules; the defaults until an admin saves some. */
export async function getRevisitRules(principal: Principal): Promise<RevisitRules> {
  return readRevisitRules(principal.tenantId);
}
