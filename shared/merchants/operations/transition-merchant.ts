import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { merchantInScope } from '../lookups';
import { applyMerchantTransition } from '../model';
import { merchantWrites, saveMerchant } from '../repository';
import type { TransitionMerchantInput } from '../schema';
import type { Merchant } from '../views';

/**
 * Opens the merchant, or starts its exit (撤场) with the public notice; the end of the notice
 * is a timer that marks the merchant exited and starts the deposit hold.
 */
export async function transitionMerchant(
  principal: Principal,
  merchantId: string,
  input: TransitionMerchantInput,
  now: Date,
): Promise<Merchant> {
  const merchant = await merchantInScope(principal, merchantId);
  if (input.version !== merchant.version) throw versionConflict('merchant');
  const after = applyMerchantTransition(merchant, input, { actorId: principal.userId, now });
  await saveMerchant(principal.tenantId, merchantWrites(principal.tenantId, after, merchant));
  return after;
}
