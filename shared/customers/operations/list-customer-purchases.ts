import { inStoreScope, type Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { notFound } from '../../errors';
import { findCustomer, listPurchases } from '../repository';
import type { Purchase } from '../views';

/** A customer's purchases, newest first; shown to the staff of the store that sold (and admins) only. */
export async function listCustomerPurchases(
  principal: Principal,
  customerId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<Purchase>> {
  if (!(await findCustomer(principal.tenantId, customerId))) throw notFound('customer');
  return inStoreScope(principal, await listPurchases(principal.tenantId, customerId, query));
}
