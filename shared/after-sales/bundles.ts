import type { Purchase } from '../customers/views';
import type { BundleCharge, LineDecision } from './views';

export type { BundleCharge } from './views';

/*
 * 套装优惠: goods sold together for less than their prices added up. A refund that leaves a set
 * incomplete re-prices what is kept of it without the discount (after-sales.md, the refund row):
 * those goods' share of the discount, spread over the bundle's lines in proportion to what they
 * paid, comes off the refund; sets the customer keeps whole keep theirs. The purchase's tally
 * holds what was taken off, and a later refund of the rest gives it back, so a purchase's refunds
 * together never pass what it paid. Pure.
 */

/** value × part / whole, rounded half up to the fen (BigInt: the product can pass 2^53). */
export function shareOf(value: number, part: number, whole: number): number {
  if (whole <= 0) return value;
  return Number((BigInt(value) * BigInt(part) * 2n + BigInt(whole)) / (2n * BigInt(whole)));
}

/**
 * The bundles a refund of these decided lines touches. A line's `refundAmount` is what it would
 * refund before the bundle rule: no more than that is ever held. A quality refund (the store's fault) only gives
 * back; a refund without a reason also re-prices what it leaves behind.
 */
export function bundleCharges(
  purchase: Pick<Purchase, 'items' | 'bundles'>,
  lines: readonly Pick<LineDecision, 'line' | 'quantity' | 'refundAmount'>[],
  returned: Readonly<Record<string, number>>,
  held: Readonly<Record<string, number>>,
  rePrice: boolean,
): BundleCharge[] {
  return (purchase.bundles ?? []).flatMap((bundle, index) => {
    const mine = lines.filter((item) => bundle.lines.includes(item.line));
    if (mine.length === 0) return [];
    const sets = bundle.sets ?? 1;
    let bundlePaid = 0;
    let keptPaid = 0;
    let wholeSets = sets;
    let setPaid = 0;
    for (const line of bundle.lines) {
      const item = purchase.items[line - 1];
      if (!item) continue;
      const now = mine.reduce((sum, asked) => sum + (asked.line === line ? asked.quantity : 0), 0);
      const kept = Math.max(0, item.quantity - (returned[String(line)] ?? 0) - now);
      const perSet = item.quantity / sets;
      bundlePaid += item.amount * item.quantity;
      keptPaid += item.amount * kept;
      setPaid += item.amount * perSet;
      wholeSets = Math.min(wholeSets, Math.floor(kept / perSet));
    }
    // What is kept outside whole sets pays its share of the discount.
    const loose = keptPaid - wholeSets * setPaid;
    const keptShare = loose > 0 ? shareOf(bundle.discount, loose, bundlePaid) : 0;
    const heldBefore = held[String(index + 1)] ?? 0;
    const target = rePrice ? keptShare : Math.min(heldBefore, keptShare);
    const refunded = mine.reduce((sum, item) => sum + item.refundAmount, 0);
    const heldAfter = Math.min(heldBefore + refunded, target);
    return [
      {
        bundle: index + 1,
        name: bundle.name,
        discount: bundle.discount,
        keptPaid,
        keptShare,
        heldBefore,
        heldAfter,
        charge: heldAfter - heldBefore,
      },
    ];
  });
}

/** What the charges take off a refund (below 0: what they give back). */
export const chargedOf = (charges: readonly BundleCharge[] | undefined) =>
  (charges ?? []).reduce((sum, charge) => sum + charge.charge, 0);

/** Whether what the refund takes off or gives back per bundle differs now from the case's decision. */
export function bundlesChanged(
  decided: readonly BundleCharge[] | undefined,
  now: readonly BundleCharge[],
): boolean {
  const key = (charges: readonly BundleCharge[] | undefined) =>
    (charges ?? [])
      .flatMap((charge) => (charge.charge === 0 ? [] : [`${charge.bundle}:${charge.charge}`]))
      .join();
  return key(decided) !== key(now);
}
