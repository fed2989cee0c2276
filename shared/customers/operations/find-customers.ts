import type { Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { findCustomerByPhone } from '../repository';
import type { Customer } from '../views';

/** Phones are unique per tenant, so a lookup finds at most one customer. */
export async function findCustomers(principal: Principal, query: { phone: string }): Promise<Page<Customer>> {
  const customer = await findCustomerByPhone(principal.tenantId, query.phone);
  return { items: customer ? [customer] : [], cursor: null };
}
