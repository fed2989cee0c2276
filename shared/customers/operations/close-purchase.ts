import { assertStoreAccess, type Principal } from '../../access/principal';
import { conflict, notFound, versionConflict } from '../../errors';
import { applyClosure } from '../model';
import type { PurchaseReactions } from '../reactions';
import { findPurchase, savePurchaseChange } from '../repository';
import type { ClosePurchaseInput } from '../schema';
import type { Purchase } from '../views';

/**
 * A cancelled or fully returned purchase: its revisits still to do are cancelled with it, and
 * their timers dropped, in the purchase's own transaction.
 */
export async function closePurchase(
  principal: Principal,
  customerId: string,
  purchaseId: string,
  input: ClosePurchaseInput,
  now: Date,
  reactions: PurchaseReactions,
): Promise<Purchase> {
  const purchase = await findPurchase(principal.tenantId, customerId, purchaseId);
  if (!purchase) throw notFound('purchase');
  assertStoreAccess(principal, purchase.storeId);
  if (input.version !== undefined && input.version !== purchase.version) throw versionConflict('purchase');
  if (purchase.status !== 'active') {
    throw conflict('purchase_closed', `The purchase is already ${purchase.status}.`);
  }
  const closed = applyClosure(purchase, input, now);
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
