import type { Principal } from '../../access/principal';
import { claimInScope } from '../lookups';
import type { CompensationClaim } from '../views';

/** The claim with its approvals: the 售后服务先行赔偿审批表 of one claim. */
export async function getCompensationClaim(
  principal: Principal,
  claimId: string,
): Promise<CompensationClaim> {
  return claimInScope(principal, claimId);
}
