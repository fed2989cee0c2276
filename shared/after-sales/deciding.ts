import { assertStoreAccess, type Principal } from '../access/principal';
import { findPurchase } from '../customers/repository';
import type { Purchase } from '../customers/views';
import { DomainError, type FieldIssue } from '../errors';
import { findStore } from '../stores/repository';
import type { Store } from '../stores/views';
import { decideEligibility, type EligibilityDecision } from './eligibility';
import type { ReturnTally } from './model';
import { readAfterSalesPolicy, readReturnTally } from './repository';
import type { CheckReturnEligibilityInput } from './schema';

export interface Decided {
  readonly purchase: Purchase;
  readonly store: Store;
  readonly tally: ReturnTally;
  readonly decision: EligibilityDecision;
}

/**
 * Reads what a decision needs (the purchase, its store's time zone, the policy, what was already
 * refunded) and runs the engine. Unknown lines are bad input, each named.
 */
export async function readAndDecide(
  principal: Principal,
  input: CheckReturnEligibilityInput,
  now: Date,
): Promise<Decided> {
  const purchase = await findPurchase(principal.tenantId, input.customerId, input.purchaseId);
  if (!purchase) {
    throw new DomainError(
      'rule_refused',
      'purchase_not_found',
      'The purchase is not one of this customer’s.',
      [
        { in: 'body', path: 'customerId', message: 'No such customer with this purchase.' },
        { in: 'body', path: 'purchaseId', message: 'No such purchase of this customer.' },
      ],
    );
  }
  assertStoreAccess(principal, purchase.storeId);
  const missing: FieldIssue[] = input.items.flatMap((item, index) =>
    item.line > purchase.items.length
      ? [
          {
            in: 'body',
            path: `items.${index}.line`,
            message: `The purchase has ${purchase.items.length} lines.`,
          },
        ]
      : [],
  );
  if (missing.length > 0)
    throw new DomainError('invalid_input', 'invalid_input', 'No such purchase line.', missing);
  const [store, policy, tally] = await Promise.all([
    findStore(principal.tenantId, purchase.storeId),
    readAfterSalesPolicy(principal.tenantId),
    readReturnTally(principal.tenantId, purchase),
  ]);
  if (!store) throw new DomainError('not_found', 'store_not_found', 'The purchase’s store no longer exists.');
  const { customerId: _customer, purchaseId: _purchase, ...request } = input;
  const decision = decideEligibility({
    purchase,
    request,
    policy,
    returned: tally.lines,
    ...(tally.bundlesHeld ? { bundlesHeld: tally.bundlesHeld } : {}),
    repaired: tally.repairs,
    ...(tally.exchanges ? { exchanged: tally.exchanges } : {}),
    now,
    timeZone: store.timezone,
  });
  return { purchase, store, tally, decision };
}
