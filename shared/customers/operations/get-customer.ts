import type { Principal } from '../../access/principal';
import { notFound } from '../../errors';
import { findCustomer } from '../repository';
import type { Customer } from '../views';

export async function getCustomer(principal: Principal, customerId: string): Promise<Customer> {
  const customer = await findCustomer(principal.tenantId, customerId);
  if (!customer) throw notFound('customer');
  return customer;
}
