import { assertStoreAccess, type Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { getEntity } from '../../db/items';
import { DomainError, ruleRefused } from '../../errors';
import { newId } from '../../ids';
import { merchantEntity } from '../../merchants/entities';
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
  const [store, customer, merchant] = await Promise.all([
    findStore(principal.tenantId, input.storeId),
    findCustomer(principal.tenantId, input.customerId),
    input.merchantId
      ? getEntity(
          merchantEntity,
          { tenantId: principal.tenantId, id: input.merchantId },
          { consistent: false },
        )
      : undefined,
  ]);
  // The merchant (商户) that sold must be one of this store's: its after-sales and any recovery
  // (追偿) from its deposit follow from this name. A merchant's store never changes.
  const merchantKnown = !input.merchantId || merchant?.storeId === input.storeId;
  const missing = [
    ...(store ? [] : [{ in: 'body' as const, path: 'storeId', message: 'No such store.' }]),
    ...(customer ? [] : [{ in: 'body' as const, path: 'customerId', message: 'No such customer.' }]),
    ...(merchantKnown
      ? []
      : [{ in: 'body' as const, path: 'merchantId', message: 'No such merchant in this store.' }]),
  ];
  if (missing.length > 0)
    throw new DomainError(
      'rule_refused',
      'reference_not_found',
      'Unknown store, customer or merchant.',
      missing,
    );
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
