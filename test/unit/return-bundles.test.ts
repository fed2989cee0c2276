import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleCharges, chargedOf } from '../../shared/after-sales/bundles';
import { decideEligibility } from '../../shared/after-sales/eligibility';
import {
  addToTally,
  applyReturnStep,
  openReturnCase,
  type ReturnCase,
  type ReturnTally,
} from '../../shared/after-sales/model';
import { defaultAfterSalesPolicy } from '../../shared/after-sales/policy';
import { type CreateReturnInput, checkReturnEligibilityInput } from '../../shared/after-sales/schema';
import { createPurchaseInput } from '../../shared/customers/schema';
import type { Purchase } from '../../shared/customers/views';

/*
 * 套装优惠 (after-sales.md, the refund row: a lost bundle discount re-priced). A living-room set of
 * three pieces sold for ¥10,000, ¥1,000 less than its pieces' prices added up. Every case goes the
 * way the desk takes it: decided, goods received, refunded for the most allowed; the tally carries
 * what the refund held back to the next case.
 */

const id = (n: number) => `01KB${String(n).padStart(22, '0')}`;
const now = new Date('2026-03-04T12:00:00+08:00'); // day 3 after the purchase

function purchaseOf(items: readonly { amount: number; quantity?: number }[], discount: number): Purchase {
  const input = createPurchaseInput.parse({
    customerId: id(1),
    storeId: id(2),
    purchasedOn: '2026-03-01',
    items: items.map((item, index) => ({ name: `件${index + 1}`, category: 'kitchenware', ...item })),
    bundles: [{ name: '客厅套装', lines: items.map((_, index) => index + 1), discount }],
  });
  const totalAmount = input.items.reduce((sum, item) => sum + item.amount * item.quantity, 0);
  return {
    ...input,
    id: id(3),
    totalAmount,
    status: 'active',
    createdBy: 'desk',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
}

const livingRoom = () => purchaseOf([{ amount: 600_000 }, { amount: 150_000 }, { amount: 250_000 }], 100_000);

type Reason = 'no_reason' | 'quality_problem';

/** Decides a return of these lines against the tally as it stands. */
function decide(purchase: Purchase, tally: ReturnTally, asked: Record<number, number>, reason: Reason) {
  const request = checkReturnEligibilityInput.parse({
    customerId: purchase.customerId,
    purchaseId: purchase.id,
    kind: 'return',
    reason,
    items: Object.entries(asked).map(([line, quantity]) => ({ line: Number(line), quantity })),
  });
  const { customerId: _c, purchaseId: _p, ...rest } = request;
  const decision = decideEligibility({
    purchase,
    request: rest,
    policy: defaultAfterSalesPolicy,
    returned: tally.lines,
    ...(tally.bundles ? { bundlesHeld: tally.bundles } : {}),
    now,
    timeZone: 'Asia/Shanghai',
  });
  const returnCase = openReturnCase(
    { ...request, description: '', fraudAlleged: false } as CreateReturnInput,
    { id: id(10), ticketId: id(11), storeId: purchase.storeId, currency: 'CNY' },
    decision,
    'desk',
    now,
  );
  return { decision, returnCase };
}

const context = (bundles?: ReturnType<typeof bundleCharges>) => ({
  actorId: 'supervisor',
  roles: ['supervisor'] as const,
  eventId: id(20),
  now,
  timeZone: 'Asia/Shanghai',
  ...(bundles ? { bundles } : {}),
});

/** Receives the goods and refunds the most allowed, as the refund step does; the tally after it. */
function refund(purchase: Purchase, tally: ReturnTally, decided: ReturnCase) {
  const policy = { ...defaultAfterSalesPolicy, refundApproval: { aboveFen: 100_000_000_00, roles: [] } };
  const received = applyReturnStep(
    decided,
    { step: 'receive_goods', outcome: 'refund', version: decided.version },
    policy,
    context(),
  ).returnCase;
  const charges = bundleCharges(
    purchase,
    decided.decision.lines.map(({ line, quantity, refundAmount }) => ({
      line,
      quantity,
      refund: refundAmount,
    })),
    tally.lines,
    tally.bundles ?? {},
    decided.reason === 'no_reason',
  );
  const pay = (amount: number) =>
    applyReturnStep(
      received,
      { step: 'refund', amount, method: 'cash', reference: 'R', version: received.version },
      policy,
      context(charges),
    ).returnCase;
  // The most allowed: the decided limit with the bundle counted again as the tally stands now.
  const most = Math.max(0, received.refundLimit + chargedOf(decided.decision.bundles) - chargedOf(charges));
  const refused = (() => {
    try {
      pay(most + 1);
    } catch (error) {
      return error;
    }
  })();
  expect(refused).toMatchObject({
    issues: [{ path: 'amount', message: `At most ${most} fen may be refunded.` }],
  });
  const done = pay(most);
  const after = addToTally(tally, decided.items, purchase.items, charges);
  if (!after) throw new Error('over returned');
  return { done, tally: after, refunded: done.refund?.amount ?? 0 };
}

const emptyTally = (purchase: Purchase): ReturnTally => ({
  purchaseId: purchase.id,
  customerId: purchase.customerId,
  lines: {},
  version: 0,
});

describe('bundles on a purchase', () => {
  it('names every line of a bundle that is missing, a gift, or in another bundle', () => {
    const result = createPurchaseInput.safeParse({
      customerId: id(1),
      storeId: id(2),
      purchasedOn: '2026-03-01',
      items: [
        { name: 'a', category: 'x', amount: 100 },
        { name: 'b', category: 'x', amount: 200 },
        { name: 'g', category: 'x', amount: 0, giftFor: 1 },
      ],
      bundles: [
        { name: 's', lines: [1, 3, 9], discount: 50 },
        { name: 't', lines: [2, 1], discount: 50 },
      ],
    });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual([
      ['bundles.0.lines.1', 'A gift is not part of a bundle.'],
      ['bundles.0.lines.2', 'The purchase has 3 lines.'],
      ['bundles.1.lines.1', 'Line 1 is already in bundle 1.'],
    ]);
  });
});

describe('decideEligibility, refund step: a lost bundle discount re-priced', () => {
  it('a piece returned without a reason: the pieces kept pay their share of the discount, ¥850 of ¥1,000', () => {
    const purchase = livingRoom();
    const { decision } = decide(purchase, emptyTally(purchase), { 2: 1 }, 'no_reason');
    expect(decision.outcomes).toContain('refund');
    // Kept: ¥6,000 + ¥2,500 of the ¥10,000 paid, so 85 % of the ¥1,000 discount.
    expect(decision.bundles).toEqual([
      {
        bundle: 1,
        name: '客厅套装',
        discount: 100_000,
        keptPaid: 850_000,
        keptShare: 85_000,
        heldBefore: 0,
        heldAfter: 85_000,
        charge: 85_000,
      },
    ]);
    expect(decision.refundAmount).toBe(150_000 - 85_000);
    expect(decision.notices?.map((notice) => notice.code)).toEqual(['bundle_discount_lost']);
    expect(decision.notices?.[0]?.zh).toContain('850.00元');
    expect(decision.trace.find((entry) => entry.rule === 'A.bundle')).toMatchObject({
      result: 'applied',
      inputs: { keptShare: 85_000, charge: 85_000 },
    });
  });

  it('the rest returned later gives the deduction back, so the three refunds add up to what was paid', () => {
    const purchase = livingRoom();
    let tally = emptyTally(purchase);
    const refunds: number[] = [];
    for (const [line, back] of [
      [2, 85_000],
      [3, -25_000],
      [1, -60_000],
    ] as const) {
      const { decision, returnCase } = decide(purchase, tally, { [line]: 1 }, 'no_reason');
      expect(decision.bundles?.[0]?.charge).toBe(back);
      const step = refund(purchase, tally, returnCase);
      refunds.push(step.refunded);
      tally = step.tally;
    }
    // ¥1,500 − ¥850; ¥2,500 + ¥250 back (the chair leaves, the sofa keeps ¥600 of the discount); ¥6,000 + ¥600.
    expect(refunds).toEqual([65_000, 275_000, 660_000]);
    expect(refunds.reduce((sum, amount) => sum + amount, 0)).toBe(1_000_000);
    expect(tally.bundles).toEqual({ '1': 0 });
  });

  it('a quality return (the store’s fault) re-prices nothing, and gives back what is no longer kept', () => {
    const purchase = livingRoom();
    const alone = decide(purchase, emptyTally(purchase), { 2: 1 }, 'quality_problem').decision;
    expect(alone.refundAmount).toBe(150_000);
    expect(alone.bundles?.[0]).toMatchObject({ charge: 0, heldAfter: 0 });
    expect(alone.notices ?? []).toEqual([]);

    const first = refund(
      purchase,
      emptyTally(purchase),
      decide(purchase, emptyTally(purchase), { 2: 1 }, 'no_reason').returnCase,
    );
    const then = decide(purchase, first.tally, { 3: 1 }, 'quality_problem').decision;
    // The chair goes back for a defect: the sofa alone keeps ¥600 held, ¥250 comes back.
    expect(then.bundles?.[0]).toMatchObject({ heldBefore: 85_000, heldAfter: 60_000, charge: -25_000 });
    expect(then.refundAmount).toBe(275_000);
    expect(then.notices?.map((notice) => notice.code)).toEqual(['bundle_discount_back']);
  });

  it('never holds back more than the piece refunds: a discount larger than the piece leaves a refund of 0, not below', () => {
    const purchase = purchaseOf([{ amount: 600_000 }, { amount: 150_000 }, { amount: 250_000 }], 300_000);
    const { decision } = decide(purchase, emptyTally(purchase), { 2: 1 }, 'no_reason');
    expect(decision.bundles?.[0]).toMatchObject({ keptShare: 255_000, heldAfter: 150_000, charge: 150_000 });
    expect(decision.refundAmount).toBe(0);
  });

  it('two cases decided on the same tally: the second refund counts the bundle again and says so', () => {
    const purchase = livingRoom();
    const tally = emptyTally(purchase);
    const chair = decide(purchase, tally, { 3: 1 }, 'no_reason').returnCase;
    const table = decide(purchase, tally, { 2: 1 }, 'no_reason').returnCase;
    const first = refund(purchase, tally, chair);
    const second = refund(purchase, first.tally, table);
    // Decided alone, the table would hold ¥850; with the chair already back only the sofa is kept: ¥600.
    expect(table.refundLimit).toBe(150_000 - 85_000);
    // The chair held ¥750 (table and sofa kept); the table's refund gives back ¥150 of it.
    expect(first.refunded).toBe(250_000 - 75_000);
    expect(second.refunded).toBe(150_000 + 15_000);
    expect(second.done.decision.trace.at(-1)).toMatchObject({ rule: 'A.bundle_at_refund' });
    expect(first.refunded + second.refunded).toBe(1_000_000 - 600_000 - 60_000);
  });
});

describe('refunds of a bundle purchase: properties', () => {
  const scenario = fc.record({
    amounts: fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 2, maxLength: 4 }),
    quantities: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 4 }),
    discount: fc.integer({ min: 1, max: 3_000_000 }),
    // Each return: which line, how many units (as far as are left), and why.
    returns: fc.array(
      fc.record({
        line: fc.integer({ min: 1, max: 4 }),
        units: fc.integer({ min: 1, max: 3 }),
        quality: fc.boolean(),
      }),
      { maxLength: 8 },
    ),
  });

  it('never refunds more than was paid, each refund ≥ 0; everything back refunds exactly what was paid', () => {
    fc.assert(
      fc.property(scenario, ({ amounts, quantities, discount, returns }) => {
        const purchase = purchaseOf(
          amounts.map((amount, index) => ({ amount, quantity: quantities[index] ?? 1 })),
          discount,
        );
        const paid = purchase.totalAmount;
        let tally = emptyTally(purchase);
        let refunded = 0;
        const back = () =>
          purchase.items.map((item, index) => item.quantity - (tally.lines[String(index + 1)] ?? 0));
        const take = (line: number, units: number, reason: Reason) => {
          const left = back()[line - 1] ?? 0;
          if (left === 0) return;
          const { decision, returnCase } = decide(purchase, tally, { [line]: Math.min(units, left) }, reason);
          expect(decision.outcomes).toContain('refund');
          const step = refund(purchase, tally, returnCase);
          expect(step.refunded).toBeGreaterThanOrEqual(0);
          refunded += step.refunded;
          tally = step.tally;
          expect(refunded).toBeLessThanOrEqual(paid);
        };
        for (const { line, units, quality } of returns) {
          if (line <= purchase.items.length) take(line, units, quality ? 'quality_problem' : 'no_reason');
        }
        // Then the rest, without a reason.
        for (const line of purchase.items.keys()) take(line + 1, Number.MAX_SAFE_INTEGER, 'no_reason');
        expect(refunded).toBe(paid);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
