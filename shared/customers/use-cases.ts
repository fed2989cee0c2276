import { assertStoreAccess, inStoreScope, type Principal } from '../access/principal';
import type { Page } from '../db/cursor';
import type { IdempotencyClaim } from '../db/idempotency';
import type { TransactionItem } from '../db/transactions';
import { conflict, DomainError, notFound, ruleRefused } from '../errors';
import { newId } from '../ids';
import { findStore } from '../stores/repository';
import type { Store } from '../stores/schema';
import { newCustomer, newPurchase } from './model';
import {
  findCustomer,
  findCustomerByPhone,
  findPurchase,
  insertCustomer,
  insertPurchase,
  listPurchases,
  savePurchaseChange,
} from './repository';
import type {
  CreateCustomerInput,
  CreatePurchaseInput,
  Customer,
  Purchase,
  PurchaseStatusInput,
} from './schema';

/**
 * Customers belong to the tenant, not a store: a chain's customer is served at any of its
 * stores, so every staff member of the tenant may find them. Purchases are recorded by staff of
 * the store that sold, and shown to that store's staff only (`inStoreScope`).
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
    response: { body: customer },
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

/**
 * What other areas do when a purchase is recorded or closed (its revisits), supplied by
 * shared/flows/ so that customers never import them.
 */
export interface PurchaseReactions {
  /** Writes that land with a recorded purchase, and what the caller is told of them. */
  readonly recorded: (
    tenantId: string,
    purchase: Purchase,
    store: Store,
    actorId: string,
    now: Date,
  ) => Promise<{
    readonly writes: readonly TransactionItem[];
    readonly revisits: readonly { id: string; kind: string; dueAt: string }[];
  }>;
  /** Writes that land with a purchase that was cancelled or returned. */
  readonly closed: (
    tenantId: string,
    purchase: Purchase,
    reason: string,
    actorId: string,
    now: Date,
  ) => Promise<readonly TransactionItem[]>;
}

export async function recordPurchase(
  principal: Principal,
  input: CreatePurchaseInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
  reactions: PurchaseReactions,
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
  const planned = await reactions.recorded(
    principal.tenantId,
    purchase,
    store as Store,
    principal.userId,
    now,
  );
  const recorded = { ...purchase, revisits: planned.revisits };
  await insertPurchase(principal.tenantId, purchase, planned.writes, {
    claim: idempotency,
    response: { body: recorded },
    now,
  });
  return recorded;
}

/**
 * A cancelled or fully returned purchase: its revisits still to do are cancelled with it, and
 * their timers dropped, in the purchase's own transaction.
 */
export async function closePurchase(
  principal: Principal,
  customerId: string,
  purchaseId: string,
  input: PurchaseStatusInput,
  now: Date,
  reactions: PurchaseReactions,
): Promise<Purchase> {
  const purchase = await findPurchase(principal.tenantId, customerId, purchaseId);
  if (!purchase) throw notFound('purchase');
  assertStoreAccess(principal, purchase.storeId);
  if (input.version !== undefined && input.version !== purchase.version) {
    throw conflict('version_conflict', `The purchase is at version ${purchase.version}; read it again.`);
  }
  if (purchase.status !== 'active') {
    throw conflict('purchase_closed', `The purchase is already ${purchase.status}.`);
  }
  const closed: Purchase = {
    ...purchase,
    status: input.status,
    statusReason: input.reason,
    updatedAt: now.toISOString(),
    version: purchase.version + 1,
  };
  const writes = await reactions.closed(
    principal.tenantId,
    purchase,
    `purchase ${input.status}`,
    principal.userId,
    now,
  );
  await savePurchaseChange(principal.tenantId, purchase, closed, writes);
  return closed;
}

export async function purchasesOf(
  principal: Principal,
  customerId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<Purchase>> {
  await getCustomer(principal, customerId);
  return inStoreScope(principal, await listPurchases(principal.tenantId, customerId, query));
}

/** For tickets: the purchase a ticket is about must be this customer's. */
export async function purchaseOfCustomer(tenantId: string, customerId: string, purchaseId: string) {
  return findPurchase(tenantId, customerId, purchaseId);
}
