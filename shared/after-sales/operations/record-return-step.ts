import { assertStoreAccess, type Principal } from '../../access/principal';
import { applyClosure } from '../../customers/model';
import type { PurchaseReactions } from '../../customers/reactions';
import { findPurchase, purchaseChangeWrite } from '../../customers/repository';
import type { TransactionItem } from '../../db/transactions';
import { conflict, notFound, versionConflict } from '../../errors';
import { newId } from '../../ids';
import { findStore } from '../../stores/repository';
import {
  addExchange,
  addToTally,
  applyReturnStep,
  caseBundleCharges,
  type ReturnCase,
  wholePurchaseReturned,
} from '../model';
import { defaultAfterSalesPolicy } from '../policy';
import {
  findReturnCase,
  readAfterSalesPolicy,
  readReturnTally,
  saveReturnStep,
  tallyWrite,
} from '../repository';
import type { RecordReturnStepInput } from '../schema';
import { localDate } from '../warranty';

/**
 * One stage of a case, with its ticket event in the same transaction. A refund adds to the
 * purchase's tally (units back, and the bundle discount held for goods kept); when every unit of
 * every line is back, the purchase becomes `returned` the way closePurchase does it (its revisits
 * still to do cancelled), in the same transaction.
 */
export async function recordReturnStep(
  principal: Principal,
  returnId: string,
  input: RecordReturnStepInput,
  now: Date,
  reactions: Pick<PurchaseReactions, 'closed'>,
): Promise<ReturnCase> {
  const { tenantId } = principal;
  const returnCase = await findReturnCase(tenantId, returnId);
  if (!returnCase) throw notFound('return');
  assertStoreAccess(principal, returnCase.storeId);
  if (input.version !== returnCase.version) throw versionConflict('return case');
  // Only the steps the policy rules (who overrides, which refunds wait for approval) read it.
  const ruled = input.step === 'override' || input.step === 'approve_refund' || input.step === 'refund';
  const refund = input.step === 'refund';
  // The money steps check the bundle figures against the tally as it stands now.
  const priced = refund || input.step === 'approve_refund' || input.step === 'recount';
  const tallied = priced || input.step === 'hand_over_replacement';
  const purchaseKey = { id: returnCase.purchaseId, customerId: returnCase.customerId };
  const [policy, store, purchase, tally] = await Promise.all([
    ruled ? readAfterSalesPolicy(tenantId) : defaultAfterSalesPolicy,
    findStore(tenantId, returnCase.storeId),
    priced ? findPurchase(tenantId, returnCase.customerId, returnCase.purchaseId) : undefined,
    tallied ? readReturnTally(tenantId, purchaseKey) : undefined,
  ]);
  if (!store) throw notFound('store');
  if (priced && !purchase) throw notFound('purchase');
  const charges = purchase && tally ? caseBundleCharges(purchase, returnCase, tally) : undefined;
  const { returnCase: next, event } = applyReturnStep(returnCase, input, policy, {
    actorId: principal.userId,
    roles: principal.roles,
    eventId: newId(now),
    now,
    timeZone: store.timezone,
    ...(charges ? { bundleCharges: charges } : {}),
  });

  const alongside: TransactionItem[] = [];
  if (refund && purchase && tally) {
    const added = addToTally(tally, returnCase.items, purchase.items, charges);
    if (!added) {
      throw conflict(
        'over_returned',
        'Other cases already refunded these units; this refund would return more than was bought.',
      );
    }
    alongside.push(tallyWrite(tenantId, added));
    if (purchase.status === 'active' && wholePurchaseReturned(added, purchase.items)) {
      const reason = `every item returned (return ${returnCase.id})`;
      const closed = applyClosure(purchase, { status: 'returned', reason }, now);
      alongside.push(
        purchaseChangeWrite(tenantId, purchase, closed),
        ...(await reactions.closed(tenantId, purchase, 'purchase returned', principal.userId, now)),
      );
    }
  }
  if (input.step === 'hand_over_replacement' && tally) {
    // The replacement's 三包 period starts on the store's day of the exchange.
    const on = localDate(now, store.timezone);
    alongside.push(tallyWrite(tenantId, addExchange(tally, returnCase.items, on, returnCase.id)));
  }
  await saveReturnStep(tenantId, returnCase, next, event, alongside);
  return next;
}
