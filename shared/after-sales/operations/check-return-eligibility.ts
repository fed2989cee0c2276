import type { Principal } from '../../access/principal';
import { readAndDecide } from '../deciding';
import type { EligibilityDecision } from '../eligibility';
import type { CheckReturnEligibilityInput } from '../schema';

/** A dry run at the desk: what the customer may have, and why. Writes nothing. */
export async function checkReturnEligibility(
  principal: Principal,
  input: CheckReturnEligibilityInput,
  now: Date,
): Promise<EligibilityDecision> {
  return (await readAndDecide(principal, input, now)).decision;
}
