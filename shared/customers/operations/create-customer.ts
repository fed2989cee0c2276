import type { Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { newId } from '../../ids';
import { newCustomer } from '../model';
import { insertCustomer } from '../repository';
import type { CreateCustomerInput } from '../schema';
import type { Customer } from '../views';

/**
 * Customers belong to the tenant, not a store: a chain's customer is served at any of its
 * stores, so every staff member of the tenant may register and find them.
 */
export async function createCustomer(
  principal: Principal,
  input: CreateCustomerInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<Customer> {
  const customer = newCustomer(input, newId(now), now);
  await insertCustomer(principal.tenantId, customer, {
    claim: idempotency,
    response: { body: customer },
    now,
  });
  return customer;
}
