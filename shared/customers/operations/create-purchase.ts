import { assertStoreAccess, type Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { DomainError, ruleRefused } from '../../errors';
import { newId } from '../../ids';
import { findStore } from '../../stores/repository';
import type { Store } from '../../stores/views';
import { newPurchase } from '../model';
import type { PurchaseReactions } from '../reactions';
import { findCustomer, insertPurchase } from '../repository';
import type { CreatePurchaseInput } from '../schema';
import type { Purchase } from '../views';

/**
 * Recorded by staff of the store that sold, with what it sets off (its revisits) in the
 * purchase's own transaction.
 */
export async function createPurchase(
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
