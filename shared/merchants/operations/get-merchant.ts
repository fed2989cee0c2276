import type { Principal } from '../../access/principal';
import { merchantInScope } from '../lookups';
import type { Merchant } from '../views';

export async function getMerchant(principal: Principal, merchantId: string): Promise<Merchant> {
  return merchantInScope(principal, merchantId);
}
