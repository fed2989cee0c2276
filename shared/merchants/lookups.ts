import { assertStoreAccess, type Principal } from '../access/principal';
import { notFound } from '../errors';
import { findMerchant } from './repository';
import type { Merchant } from './views';

/** The merchant, if it is this tenant's (else 404) and in the caller's stores (else 403). */
export async function merchantInScope(principal: Principal, merchantId: string): Promise<Merchant> {
  const merchant = await findMerchant(principal.tenantId, merchantId);
  if (!merchant) throw notFound('merchant');
  assertStoreAccess(principal, merchant.storeId);
  return merchant;
}
