import type { Page } from '../db/cursor';
import { DomainError, notFound, ruleRefused } from '../errors';
import { assertStoreAccess, type Principal } from '../http/principal';
import type { IdempotencyClaim } from '../idempotency/records';
import { newId } from '../ids';
import { findStore } from '../stores/repository';
import { newCustomer, newPurchase } from './model';
import {
  findCustomer,
  findCustomerByPhone,
  findPurchase,
  insertCustomer,
  insertPurchase,
  listPurchases,
} from './repository';
import type { CreateCustomerInput, CreatePurchaseInput, Customer, Purchase } from './schema';

/**
 * Customers belong to the tenant, not a store: a chain's customer is served at any of its
 * stores, so every staff member of the tenant may find them. Purchases are recorded by staff of
 * the store that sold.
 */
export async function registerCustomer(
  principal: Principal,
  input: CreateCustomerInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<Customer> {
  const customer = newCustomer(input, newId(now), now);
  await insertCustomer(principal.tenantId, customer, {
    claim: idempotency,
    response: { status: 201, body: customer },
    now,
  });
  return customer;
}

export async function getCustomer(principal: Principal, customerId: string): Promise<Customer> {
  const customer = await findCustomer(principal.tenantId, customerId);
  if (!customer) throw notFound('customer');
  return customer;
}

/** Phones are unique per tenant, so a lookup finds at most one customer. */
export async function customersByPhone(principal: Principal, phone: string): Promise<Page<Customer>> {
  const customer = await findCustomerByPhone(principal.tenantId, phone);
  return { items: customer ? [customer] : [], cursor: null };
}

export async function recordPurchase(
  principal: Principal,
  input: CreatePurchaseInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<Purchase> {
  assertStoreAccess(principal, input.storeId);
  const [store, customer] = await Promise.all([
    findStore(principal.tenantId, input.storeId),
    findCustomer(principal.tenantId, input.customerId),
  ]);
  const missing = [
    ...(store ? [] : [{ in: 'body' as const, path: 'storeId', message: 'No such store.' }]),
    ...(customer ? [] : [{ in: 'body' as const, path: 'customerId', message: 'No such customer.' }]),
  ];
  if (missing.length > 0)
    throw new DomainError('rule_refused', 'reference_not_found', 'Unknown store or customer.', missing);
  if (input.deliveredOn && input.deliveredOn < input.purchasedOn) {
    throw ruleRefused('delivered_before_purchase', 'A purchase cannot be delivered before it was bought.');
  }
  const purchase = newPurchase(input, newId(now), principal.userId, now);
  await insertPurchase(principal.tenantId, purchase, {
    claim: idempotency,
    response: { status: 201, body: purchase },
    now,
  });
  return purchase;
}

export async function purchasesOf(
  principal: Principal,
  customerId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<Purchase>> {
  await getCustomer(principal, customerId);
  return listPurchases(principal.tenantId, customerId, query);
}

/** For tickets: the purchase a ticket is about must be this customer's. */
export async function purchaseOfCustomer(tenantId: string, customerId: string, purchaseId: string) {
  return findPurchase(tenantId, customerId, purchaseId);
}
