import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BundleCharge } from '../../shared/after-sales/bundles';
import { decideEligibility } from '../../shared/after-sales/eligibility';
import {
  addToTally,
  applyReturnStep,
  caseBundleCharges,
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

function purchaseOf(
  items: readonly { amount: number; quantity?: number }[],
  discount: number,
  sets = 1,
  bundled = items.length,
): Purchase {
  const input = createPurchaseInput.parse({
    customerId: id(1),
    storeId: id(2),
    purchasedOn: '2026-03-01',
    items: items.map((item, index) => ({ name: `件${index + 1}`, category: 'kitchenware', ...item })),
    bundles: [
      { name: '客厅套装', lines: items.slice(0, bundled).map((_, index) => index + 1), discount, sets },
    ],
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
function decide(
  purchase: Purchase,
  tally: ReturnTally,
  asked: Record<number, number>,
  reason: Reason,
  extra: Record<string, unknown> = {},
) {
  const request = checkReturnEligibilityInput.parse({
    customerId: purchase.customerId,
    purchaseId: purchase.id,
    kind: 'return',
    reason,
    ...extra,
    items: Object.entries(asked).map(([line, quantity]) => ({ line: Number(line), quantity })),
  });
  const { customerId: _c, purchaseId: _p, ...rest } = request;
  const decision = decideEligibility({
    purchase,
    request: rest,
    policy: defaultAfterSalesPolicy,
    returned: tally.lines,
    ...(tally.bundlesHeld ? { bundlesHeld: tally.bundlesHeld } : {}),
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

const context = (bundleCharges?: readonly BundleCharge[]) => ({
  actorId: 'supervisor',
  roles: ['supervisor'] as const,
  eventId: id(20),
  now,
  timeZone: 'Asia/Shanghai',
  ...(bundleCharges ? { bundleCharges } : {}),
});

const policy = {
  ...defaultAfterSalesPolicy,
  refundApproval: { aboveFen: 100_000_000_00, roles: ['supervisor' as const] },
};

/** One step as recordReturnStep takes it: with the bundle figures as the tally stands. */
const stepOn = (
  purchase: Purchase,
  tally: ReturnTally,
  returnCase: ReturnCase,
  body: Record<string, unknown>,
) =>
  applyReturnStep(
    returnCase,
    { version: returnCase.version, ...body } as Parameters<typeof applyReturnStep>[1],
    policy,
    context(caseBundleCharges(purchase, returnCase, tally)),
  ).returnCase;

/** What a step threw, or undefined when it went through. */
const thrownBy = (work: () => unknown): unknown => {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
};

/**
 * Receives the goods and refunds the case's limit (recounting first when another case of the
 * bundle was refunded since the decision); the tally after it. One fen more is refused.
 */
function refund(purchase: Purchase, tally: ReturnTally, decided: ReturnCase) {
  let received =
    decided.status === 'decided'
      ? stepOn(purchase, tally, decided, { step: 'receive_goods', outcome: 'refund' })
      : decided;
  const pay = (amount: number) =>
    stepOn(purchase, tally, received, { step: 'refund', amount, method: 'cash', reference: 'R' });
  const recounted =
    (thrownBy(() => pay(0)) as { code?: string } | undefined)?.code === 'bundle_recount_needed';
  if (recounted) received = stepOn(purchase, tally, received, { step: 'recount' });
  expect(thrownBy(() => pay(received.refundLimit + 1))).toMatchObject({
    issues: [{ path: 'amount', message: `At most ${received.refundLimit} fen may be refunded.` }],
  });
  const done = pay(received.refundLimit);
  const after = addToTally(
    tally,
    decided.items,
    purchase.items,
    caseBundleCharges(purchase, received, tally),
  );
  if (!after) throw new Error('over returned');
  return { done, tally: after, refunded: done.refund?.amount ?? 0, recounted };
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
    expect(tally.bundlesHeld).toEqual({ '1': 0 });
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

  it('two cases decided on the same tally: the second one’s money waits for a recount, which shows the new limit and says why', () => {
    const purchase = livingRoom();
    const tally = emptyTally(purchase);
    const chair = decide(purchase, tally, { 3: 1 }, 'no_reason').returnCase;
    const table = decide(purchase, tally, { 2: 1 }, 'no_reason').returnCase;
    // Decided alone, the table would hold ¥850 (chair and sofa kept).
    expect(table.refundLimit).toBe(150_000 - 85_000);
    // The chair goes first and holds ¥750 (table and sofa kept).
    const first = refund(purchase, tally, chair);
    expect([first.refunded, first.recounted]).toEqual([250_000 - 75_000, false]);

    const received = stepOn(purchase, first.tally, table, { step: 'receive_goods', outcome: 'refund' });
    for (const body of [
      { step: 'refund', amount: 1, method: 'cash', reference: 'R' },
      { step: 'approve_refund', amount: 1 },
    ]) {
      expect(thrownBy(() => stepOn(purchase, first.tally, received, body))).toMatchObject({
        code: 'bundle_recount_needed',
      });
    }
    // Only the sofa is kept now: ¥600 held, so ¥150 of the chair's ¥750 comes back with the table.
    const recounted = stepOn(purchase, first.tally, received, { step: 'recount' });
    expect(recounted).toMatchObject({ status: 'goods_received', refundLimit: 150_000 + 15_000 });
    expect(recounted.decision.refundAmount).toBe(150_000 + 15_000);
    expect(recounted.decision.bundles?.[0]).toMatchObject({
      heldBefore: 75_000,
      heldAfter: 60_000,
      charge: -15_000,
    });
    expect(recounted.decision.notices?.map((notice) => notice.code)).toEqual(['bundle_discount_back']);
    expect(recounted.decision.notices?.[0]?.zh).toContain('150.00元');
    expect(recounted.decision.trace.at(-1)).toMatchObject({ rule: 'A.bundle_recount' });
    expect(recounted.history.at(-1)).toMatchObject({
      step: 'recount',
      from: 'goods_received',
      to: 'goods_received',
    });
    // A case that cannot end in a refund has nothing to recount.
    const exchangeOnly: ReturnCase = { ...received, allowedOutcomes: ['exchange'] };
    expect(thrownBy(() => stepOn(purchase, first.tally, exchangeOnly, { step: 'recount' }))).toMatchObject({
      code: 'return_step_not_allowed',
    });
    // Nothing left to recount: a second one is refused.
    expect(thrownBy(() => stepOn(purchase, first.tally, recounted, { step: 'recount' }))).toMatchObject({
      code: 'return_step_not_allowed',
    });

    const second = refund(purchase, first.tally, recounted);
    expect(second.refunded).toBe(165_000);
    expect(first.refunded + second.refunded).toBe(1_000_000 - 600_000 - 60_000);
  });

  it('a refund above the approval threshold is approved on the recounted limit, and the customer gets every fen back', () => {
    const purchase = purchaseOf([{ amount: 45_000 }, { amount: 45_000 }], 10_000);
    const strict = {
      ...defaultAfterSalesPolicy,
      refundApproval: { aboveFen: 40_000, roles: ['manager' as const] },
    };
    const tally = emptyTally(purchase);
    const a = decide(purchase, tally, { 1: 1 }, 'no_reason').returnCase;
    const b = decide(purchase, tally, { 2: 1 }, 'no_reason').returnCase;
    expect([a.refundLimit, b.refundLimit]).toEqual([40_000, 40_000]);
    const first = refund(purchase, tally, a);
    const take = (
      returnCase: ReturnCase,
      body: Record<string, unknown>,
      roles: ['manager'] | ['supervisor'],
    ) =>
      applyReturnStep(
        returnCase,
        { version: returnCase.version, ...body } as Parameters<typeof applyReturnStep>[1],
        strict,
        {
          ...context(caseBundleCharges(purchase, returnCase, first.tally)),
          actorId: roles[0],
          roles,
        },
      ).returnCase;
    const received = take(b, { step: 'receive_goods', outcome: 'refund' }, ['supervisor']);
    const recounted = take(received, { step: 'recount' }, ['supervisor']);
    expect(recounted.refundLimit).toBe(50_000);
    const approved = take(recounted, { step: 'approve_refund', amount: 50_000 }, ['manager']);
    const paid = take(approved, { step: 'refund', amount: 50_000, method: 'cash', reference: 'R' }, [
      'supervisor',
    ]);
    expect(first.refunded + (paid.refund?.amount ?? 0)).toBe(90_000);
  });

  it('an overridden refund is the amount granted: the bundle rule takes nothing off it, and gives back what is no longer kept', () => {
    const purchase = livingRoom();
    const first = refund(
      purchase,
      emptyTally(purchase),
      decide(purchase, emptyTally(purchase), { 2: 1 }, 'no_reason').returnCase,
    );
    // The chair comes back used: refused without a reason; a supervisor grants ¥2,400.
    const used = decide(purchase, first.tally, { 3: 1 }, 'no_reason', {
      condition: { usedOrSoiled: true },
    }).returnCase;
    expect(used.allowedOutcomes).toEqual(['refused']);
    const granted = stepOn(purchase, first.tally, used, {
      step: 'override',
      outcome: 'refund',
      reason: '店长同意',
      refundAmount: 240_000,
    });
    expect(granted.refundLimit).toBe(240_000);
    // Only the sofa is kept now: of the ¥850 held, ¥250 comes back on top of what was granted.
    const paid = refund(purchase, first.tally, granted);
    expect([paid.recounted, paid.refunded]).toEqual([true, 240_000 + 25_000]);
    expect(paid.tally.bundlesHeld).toEqual({ '1': 60_000 });
  });

  it('sets kept whole keep their discount: two pairs bought, one pair back, nothing re-priced', () => {
    const purchase = purchaseOf(
      [
        { amount: 259_900, quantity: 2 },
        { amount: 199_900, quantity: 2 },
      ],
      40_000,
      2,
    );
    const pair = decide(purchase, emptyTally(purchase), { 1: 1, 2: 1 }, 'no_reason').decision;
    expect(pair.bundles?.[0]).toMatchObject({ keptShare: 0, charge: 0 });
    expect(pair.refundAmount).toBe(259_900 + 199_900);
    // One washer alone back breaks a pair: the dryer left of it pays its share, ¥199,900 of ¥919,600 paid.
    const washer = decide(purchase, emptyTally(purchase), { 1: 1 }, 'no_reason').decision;
    expect(washer.bundles?.[0]).toMatchObject({ keptShare: Math.round((40_000 * 199_900) / 919_600) });
  });

  it('a bundle’s lines must hold whole sets', () => {
    const result = createPurchaseInput.safeParse({
      customerId: id(1),
      storeId: id(2),
      purchasedOn: '2026-03-01',
      items: [
        { name: 'a', category: 'x', amount: 100, quantity: 2 },
        { name: 'b', category: 'x', amount: 200, quantity: 3 },
      ],
      bundles: [{ name: 's', lines: [1, 2], discount: 50, sets: 2 }],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['bundles.0.lines.1', 'Line 2 has 3 units: not 2 whole sets.'],
    ]);
  });
});

describe('refunds of a bundle purchase: properties', () => {
  const scenario = fc.record({
    amounts: fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 2, maxLength: 4 }),
    quantities: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 4 }),
    discount: fc.integer({ min: 1, max: 3_000_000 }),
    /** A line bought beside the bundle, not in it. */
    beside: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: undefined }),
    // Rounds of cases decided on the same tally, then refunded in an order of their own.
    rounds: fc.array(
      fc.record({
        cases: fc.array(
          fc.record({
            line: fc.integer({ min: 1, max: 5 }),
            units: fc.integer({ min: 1, max: 3 }),
            quality: fc.boolean(),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        reversed: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
  });

  it('never refunds more than was paid, each refund ≥ 0, however cases of one bundle interleave; everything back refunds exactly what was paid', () => {
    fc.assert(
      fc.property(scenario, ({ amounts, quantities, discount, beside, rounds }) => {
        const inBundle = amounts.map((amount, index) => ({ amount, quantity: quantities[index] ?? 1 }));
        const items = beside === undefined ? inBundle : [...inBundle, { amount: beside, quantity: 1 }];
        const purchase = purchaseOf(items, discount, 1, inBundle.length);
        const paid = purchase.totalAmount;
        let tally = emptyTally(purchase);
        let refunded = 0;
        const left = (line: number) =>
          (purchase.items[line - 1]?.quantity ?? 0) - (tally.lines[String(line)] ?? 0);
        const pay = (returnCase: ReturnCase) => {
          const step = refund(purchase, tally, returnCase);
          expect(step.refunded).toBeGreaterThanOrEqual(0);
          refunded += step.refunded;
          tally = step.tally;
          expect(refunded).toBeLessThanOrEqual(paid);
        };
        for (const round of rounds) {
          // Each line at most once per round, so no two open cases ask for the same units.
          const asked = new Set<number>();
          const open = round.cases.flatMap(({ line, units, quality }) => {
            if (asked.has(line) || left(line) <= 0) return [];
            asked.add(line);
            const reason: Reason = quality ? 'quality_problem' : 'no_reason';
            const { decision, returnCase } = decide(
              purchase,
              tally,
              { [line]: Math.min(units, left(line)) },
              reason,
            );
            expect(decision.outcomes).toContain('refund');
            return [returnCase];
          });
          for (const returnCase of round.reversed ? open.reverse() : open) pay(returnCase);
        }
        // Then the rest, without a reason.
        for (const line of purchase.items.keys()) {
          if (left(line + 1) > 0)
            pay(decide(purchase, tally, { [line + 1]: left(line + 1) }, 'no_reason').returnCase);
        }
        expect(refunded).toBe(paid);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
