import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  decideEligibility,
  depreciationOf,
  type EligibilityDecision,
  type EligibilityFacts,
  type Outcome,
} from '../../shared/after-sales/eligibility';
import { defaultAfterSalesPolicy } from '../../shared/after-sales/policy';
import {
  type AfterSalesPolicy,
  checkReturnEligibilityInput,
  type EligibilityRequest,
  putAfterSalesPolicyInput,
} from '../../shared/after-sales/schema';
import { purchaseItem } from '../../shared/customers/schema';

/*
 * The engine against the worked cases of ../shared/domain/after-sales.md (sections A–D): each
 * window's last day and first day outside, the exclusions, 完好, furniture by material,
 * depreciation to the fen with repair days excluded, and failed repairs.
 */

type ItemInput = Partial<{
  name: string;
  category: string;
  ruleClass: string;
  customMade: boolean;
  confirmedExclusions: string[];
  warrantyMonths: number;
  amount: number;
  quantity: number;
}>;

interface Case {
  readonly title: string;
  readonly item?: ItemInput;
  readonly items?: readonly ItemInput[];
  readonly purchasedOn?: string;
  readonly deliveredOn?: string | null;
  readonly today: string;
  /** A local time other than noon, to test the store's day boundary. */
  readonly at?: string;
  readonly request?: Record<string, unknown>;
  readonly policy?: Record<string, unknown>;
  readonly status?: 'active' | 'cancelled' | 'returned';
  readonly returned?: Record<string, number>;
  readonly expect: {
    readonly outcomes: readonly Outcome[];
    readonly refund?: number;
    readonly repairFee?: 'free' | 'paid' | null;
    readonly refusal?: string;
    readonly rule?: string;
    readonly requestedAllowed?: boolean;
  };
}

const sofa: ItemInput = { name: '三人位布艺沙发', category: 'sofa', amount: 459_900 };
const tv: ItemInput = { name: '55寸彩电', category: 'television', amount: 399_900 };
const bicycle: ItemInput = { name: '自行车', category: 'bicycle', amount: 129_900 };
const table: ItemInput = { name: '实木餐桌', category: 'furniture', amount: 300_000 };
const mirror: ItemInput = { name: '穿衣镜', category: 'mirror', amount: 50_000 };
const software: ItemInput = { name: '办公软件', category: 'software', amount: 99_900 };
const cushion: ItemInput = { name: '靠垫', category: 'home_goods', amount: 9_900 };
const kettle: ItemInput = { name: '水壶', category: 'kitchenware', amount: 19_900 };

function decide(c: Case): EligibilityDecision {
  const items = (c.items ?? [c.item ?? sofa]).map((item) =>
    purchaseItem.parse({ name: 'item', category: 'x', amount: 1, ...item }),
  );
  const request = checkReturnEligibilityInput.parse({
    customerId: '01KB0000000000000000000000',
    purchaseId: '01KB0000000000000000000001',
    kind: 'return',
    reason: 'no_reason',
    items: items.map((_, index) => ({ line: index + 1 })),
    ...c.request,
  });
  const { customerId: _c, purchaseId: _p, ...asked } = request;
  const policy: AfterSalesPolicy = c.policy
    ? { ...putAfterSalesPolicyInput.parse(c.policy), version: 3 }
    : defaultAfterSalesPolicy;
  const purchasedOn = c.purchasedOn ?? '2026-03-01';
  const deliveredOn = c.deliveredOn === undefined ? purchasedOn : c.deliveredOn;
  const facts: EligibilityFacts = {
    purchase: {
      items,
      purchasedOn,
      ...(deliveredOn ? { deliveredOn } : {}),
      status: c.status ?? 'active',
    },
    request: asked as EligibilityRequest,
    policy,
    ...(c.returned ? { returned: c.returned } : {}),
    now: new Date(`${c.today}T${c.at ?? '12:00'}:00+08:00`),
    timeZone: 'Asia/Shanghai',
  };
  return decideEligibility(facts);
}

const quality = (extra: Record<string, unknown> = {}) => ({ reason: 'quality_problem', ...extra });
const serious = (extra: Record<string, unknown> = {}) => quality({ seriousDefect: true, ...extra });
const condition = (facts: Record<string, unknown>) => ({ condition: facts });

const cases: Case[] = [
  // ---- A: no-reason return (store commitment, 7 days from the day after delivery) ----
  {
    title: 'A window: day 7 after delivery is the last day in',
    today: '2026-03-08',
    expect: { outcomes: ['refund', 'exchange'], refund: 459_900, rule: 'A.window' },
  },
  {
    title: 'A window: day 8 is the first day outside',
    today: '2026-03-09',
    expect: { outcomes: ['refused'], refusal: 'no_reason_window_passed' },
  },
  {
    title: 'A window: the delivery day itself is in',
    today: '2026-03-01',
    expect: { outcomes: ['refund', 'exchange'] },
  },
  {
    title: 'A window: counted from delivery, not from purchase',
    purchasedOn: '2026-02-20',
    deliveredOn: '2026-03-01',
    today: '2026-03-08',
    expect: { outcomes: ['refund', 'exchange'] },
  },
  {
    title: 'A window: nothing delivered, counted from purchase',
    deliveredOn: null,
    today: '2026-03-09',
    expect: { outcomes: ['refused'], refusal: 'no_reason_window_passed' },
  },
  {
    title: 'A window: the store’s local day decides (23:30 on day 7)',
    today: '2026-03-08',
    at: '23:30',
    expect: { outcomes: ['refund', 'exchange'] },
  },
  {
    title: 'A window: 00:30 local on day 8 is outside',
    today: '2026-03-09',
    at: '00:30',
    expect: { outcomes: ['refused'] },
  },
  {
    title: 'A window: a store promising 15 days, day 15 in',
    policy: { noReason: { days: 15 } },
    today: '2026-03-16',
    expect: { outcomes: ['refund', 'exchange'] },
  },
  {
    title: 'A window: a store promising 15 days, day 16 out',
    policy: { noReason: { days: 15 } },
    today: '2026-03-17',
    expect: { outcomes: ['refused'], refusal: 'no_reason_window_passed' },
  },
  {
    title: 'A commitment off: refused, with the reason',
    policy: { noReason: { enabled: false } },
    today: '2026-03-02',
    expect: { outcomes: ['refused'], refusal: 'no_reason_not_offered' },
  },
  {
    title: 'A exchange not offered by the store: refund only',
    policy: { noReason: { allowExchange: false } },
    today: '2026-03-02',
    expect: { outcomes: ['refund'] },
  },
  {
    title: 'A always excluded: custom-made (定制)',
    item: { ...sofa, customMade: true },
    today: '2026-03-02',
    expect: { outcomes: ['refused'], refusal: 'no_reason_excluded_goods' },
  },
  {
    title: 'A always excluded: fresh goods',
    item: { name: '草莓', category: 'fresh', amount: 3_990 },
    today: '2026-03-01',
    expect: { outcomes: ['refused'], refusal: 'no_reason_excluded_goods' },
  },
  {
    title: 'A always excluded: periodicals',
    item: { name: '杂志', category: 'periodical', amount: 1_500 },
    today: '2026-03-02',
    expect: { outcomes: ['refused'], refusal: 'no_reason_excluded_goods' },
  },
  {
    title: 'A software still sealed: returnable',
    item: software,
    today: '2026-03-02',
    expect: { outcomes: ['refund', 'exchange'] },
  },
  {
    title: 'A software opened: always excluded',
    item: software,
    today: '2026-03-02',
    request: condition({ packaging: 'opened' }),
    expect: { outcomes: ['refused'], refusal: 'no_reason_excluded_goods' },
  },
  {
    title: 'A exclusion confirmed at purchase: refused',
    item: { ...kettle, confirmedExclusions: ['value_drops_once_activated'] },
    today: '2026-03-02',
    expect: { outcomes: ['refused'], refusal: 'no_reason_exclusion_confirmed' },
  },
  {
    title: 'A same goods, exclusion not confirmed: the store may not refuse',
    item: kettle,
    today: '2026-03-02',
    expect: { outcomes: ['refund', 'exchange'], rule: 'A.confirmed_exclusion' },
  },
  {
    title: 'A store excludes a class on top of the law',
    item: kettle,
    policy: { noReason: { excludedClasses: ['general'] } },
    today: '2026-03-02',
    expect: { outcomes: ['refused'], refusal: 'no_reason_store_excluded' },
  },
  {
    title: 'A 完好: furniture with labels cut is not intact',
    today: '2026-03-03',
    request: condition({ labelsPresent: false }),
    expect: { outcomes: ['refused'], refusal: 'no_reason_not_intact' },
  },
  {
    title: 'A 完好: home goods need labels even when the store does not ask',
    item: cushion,
    policy: { noReason: { condition: { labelsRequired: false } } },
    today: '2026-03-03',
    request: condition({ labelsPresent: false }),
    expect: { outcomes: ['refused'], refusal: 'no_reason_not_intact' },
  },
  {
    title: 'A 完好: other goods without labels pass when the store does not ask',
    item: kettle,
    policy: { noReason: { condition: { labelsRequired: false } } },
    today: '2026-03-03',
    request: condition({ labelsPresent: false }),
    expect: { outcomes: ['refund', 'exchange'] },
  },
  {
    title: 'A 完好: used or soiled',
    today: '2026-03-03',
    request: condition({ usedOrSoiled: true }),
    expect: { outcomes: ['refused'], refusal: 'no_reason_not_intact' },
  },
  {
    title: 'A 完好: accessories missing',
    item: kettle,
    today: '2026-03-03',
    request: condition({ accessoriesComplete: false }),
    expect: { outcomes: ['refused'], refusal: 'no_reason_not_intact' },
  },
  {
    title: 'A 完好: opened to inspect is allowed',
    item: kettle,
    today: '2026-03-03',
    request: condition({ packaging: 'opened' }),
    expect: { outcomes: ['refund', 'exchange'] },
  },
  {
    title: 'A 完好: packaging missing, store requires it',
    item: kettle,
    policy: { noReason: { condition: { packagingRequired: true } } },
    today: '2026-03-03',
    request: condition({ packaging: 'missing' }),
    expect: { outcomes: ['refused'], refusal: 'no_reason_not_intact' },
  },
  {
    title: 'A 完好: installed, store refuses installed goods',
    policy: { noReason: { condition: { installedRefused: true } } },
    today: '2026-03-03',
    request: condition({ installed: true }),
    expect: { outcomes: ['refused'], refusal: 'no_reason_not_intact' },
  },
  {
    title: 'A 完好: installed, default policy allows',
    today: '2026-03-03',
    request: condition({ installed: true }),
    expect: { outcomes: ['refund', 'exchange'] },
  },

  // ---- B: 三包 goods (invoice date 2026-03-01) ----
  {
    title: 'B art. 9: day 7 refund, exchange or repair at the invoice price',
    item: tv,
    today: '2026-03-08',
    request: quality(),
    expect: {
      outcomes: ['refund', 'exchange', 'repair'],
      refund: 399_900,
      repairFee: 'free',
      rule: 'B.art9',
    },
  },
  {
    title: 'B art. 10: day 8 exchange or repair',
    item: tv,
    today: '2026-03-09',
    request: quality(),
    expect: { outcomes: ['exchange', 'repair'], rule: 'B.art10' },
  },
  {
    title: 'B art. 10: day 15 is the last day for an exchange',
    item: tv,
    today: '2026-03-16',
    request: quality(),
    expect: { outcomes: ['exchange', 'repair'] },
  },
  {
    title: 'B art. 6: day 16 free repair only',
    item: tv,
    today: '2026-03-17',
    request: quality({ kind: 'exchange' }),
    expect: {
      outcomes: ['repair'],
      repairFee: 'free',
      refusal: 'requested_outcome_not_allowed',
      requestedAllowed: false,
    },
  },
  {
    title: 'B art. 6: the warranty’s last day (12 months) is free',
    item: tv,
    today: '2027-03-01',
    request: quality({ kind: 'repair' }),
    expect: { outcomes: ['repair'], repairFee: 'free', requestedAllowed: true },
  },
  {
    title: 'B warranty: the day after is a paid repair',
    item: tv,
    today: '2027-03-02',
    request: quality({ kind: 'repair' }),
    expect: { outcomes: ['repair'], repairFee: 'paid', refusal: 'warranty_expired' },
  },
  {
    title: 'B periods: 20 days in repair extend the warranty to 2027-03-21',
    item: tv,
    today: '2027-03-21',
    request: quality({ items: [{ line: 1, daysInRepair: 20 }] }),
    expect: { outcomes: ['repair'], repairFee: 'free' },
  },
  {
    title: 'B periods: and 2027-03-22 is outside',
    item: tv,
    today: '2027-03-22',
    request: quality({ items: [{ line: 1, daysInRepair: 20 }] }),
    expect: { outcomes: ['repair'], repairFee: 'paid' },
  },
  {
    title: 'B periods: repair days do not count against the 15 days',
    item: tv,
    today: '2026-03-21',
    request: quality({ items: [{ line: 1, daysInRepair: 5 }] }),
    expect: { outcomes: ['exchange', 'repair'] },
  },
  {
    title: 'B art. 11/13: second failed repair, refund less 0.1 %/day × 100 days',
    item: tv,
    today: '2026-06-09',
    request: quality({ items: [{ line: 1, repairs: 2 }] }),
    expect: { outcomes: ['refund', 'exchange', 'repair'], refund: 359_910, rule: 'B.art11' },
  },
  {
    title: 'B art. 13: 30 of those days in repair are not depreciated',
    item: tv,
    today: '2026-06-09',
    request: quality({ items: [{ line: 1, repairs: 2, daysInRepair: 30 }] }),
    expect: { outcomes: ['refund', 'exchange', 'repair'], refund: 371_907 },
  },
  {
    title: 'B art. 13: bicycles 0.05 %/day, rounded to the fen',
    item: bicycle,
    today: '2026-04-15',
    request: quality({ items: [{ line: 1, repairs: 2 }] }),
    expect: { outcomes: ['refund', 'exchange', 'repair'], refund: 126_977 },
  },
  {
    title: 'B art. 11: one failed repair is not enough',
    item: tv,
    today: '2026-06-09',
    request: quality({ items: [{ line: 1, repairs: 1 }] }),
    expect: { outcomes: ['repair'], repairFee: 'free' },
  },
  {
    title: 'B art. 11: failed repairs after the warranty give a paid repair',
    item: tv,
    today: '2027-06-09',
    request: quality({ items: [{ line: 1, repairs: 2 }] }),
    expect: { outcomes: ['repair'], repairFee: 'paid' },
  },
  {
    title: 'B exemptions: misuse within 7 days is a paid repair',
    item: tv,
    today: '2026-03-03',
    request: quality({ exemption: 'misuse_or_poor_storage' }),
    expect: { outcomes: ['repair'], repairFee: 'paid', refusal: 'quality_exempt' },
  },
  {
    title: 'B computers: the item’s 24-month warranty above the class’s 12',
    item: {
      name: '笔记本',
      category: 'electronics',
      ruleClass: 'computer',
      amount: 699_900,
      warrantyMonths: 24,
    },
    today: '2027-09-01',
    request: quality({ kind: 'repair' }),
    expect: { outcomes: ['repair'], repairFee: 'free' },
  },

  // ---- C: furniture (invoice 2026-03-01, delivered 2026-03-05) ----
  {
    title: 'C serious defect on day 90 after delivery: return, exchange or repair',
    purchasedOn: '2026-03-01',
    deliveredOn: '2026-03-05',
    today: '2026-06-03',
    request: serious(),
    expect: { outcomes: ['refund', 'exchange', 'repair'], refund: 459_900, rule: 'C.serious_return' },
  },
  {
    title: 'C serious defect on day 91: exchange or repair',
    purchasedOn: '2026-03-01',
    deliveredOn: '2026-03-05',
    today: '2026-06-04',
    request: serious(),
    expect: { outcomes: ['exchange', 'repair'], rule: 'C.serious_exchange' },
  },
  {
    title: 'C serious defect on day 16: still a return (not the 三包 15 days)',
    purchasedOn: '2026-03-01',
    deliveredOn: '2026-03-05',
    today: '2026-03-21',
    request: serious(),
    expect: { outcomes: ['refund', 'exchange', 'repair'] },
  },
  {
    title: 'C serious defect on day 180: exchange or repair',
    purchasedOn: '2026-03-01',
    deliveredOn: '2026-03-05',
    today: '2026-09-01',
    request: serious(),
    expect: { outcomes: ['exchange', 'repair'] },
  },
  {
    title: 'C serious defect on day 181: free repair in the 2-year warranty',
    purchasedOn: '2026-03-01',
    deliveredOn: '2026-03-05',
    today: '2026-09-02',
    request: serious(),
    expect: { outcomes: ['repair'], repairFee: 'free' },
  },
  {
    title: 'C defect not serious on day 10: repair',
    purchasedOn: '2026-03-01',
    deliveredOn: '2026-03-05',
    today: '2026-03-15',
    request: quality(),
    expect: { outcomes: ['repair'], repairFee: 'free' },
  },
  {
    title: 'C by material: solid wood, 1 year, last day free',
    item: table,
    today: '2027-03-01',
    request: quality(),
    expect: { outcomes: ['repair'], repairFee: 'free' },
  },
  {
    title: 'C by material: solid wood, the day after is paid',
    item: table,
    today: '2027-03-02',
    request: quality(),
    expect: { outcomes: ['repair'], repairFee: 'paid', refusal: 'warranty_expired' },
  },
  {
    title: 'C by material: upholstered (sofa), 2 years, same day still free',
    today: '2027-03-02',
    request: quality(),
    expect: { outcomes: ['repair'], repairFee: 'free' },
  },
  {
    title: 'C by material: upholstered, the day after 2 years is paid',
    today: '2028-03-02',
    request: quality(),
    expect: { outcomes: ['repair'], repairFee: 'paid' },
  },
  {
    title: 'C by material: 红木 by the item’s rule class, 2 years',
    item: { ...table, ruleClass: 'furniture_hardwood' },
    today: '2027-06-01',
    request: quality(),
    expect: { outcomes: ['repair'], repairFee: 'free' },
  },
  {
    title: 'C glass and mirrors: 6 months, last day free',
    item: mirror,
    today: '2026-09-01',
    request: quality(),
    expect: { outcomes: ['repair'], repairFee: 'free' },
  },
  {
    title: 'C glass and mirrors: the day after is paid',
    item: mirror,
    today: '2026-09-02',
    request: quality(),
    expect: { outcomes: ['repair'], repairFee: 'paid' },
  },
  {
    title: 'C custom furniture: repair first',
    item: { ...table, customMade: true },
    today: '2026-03-10',
    request: serious(),
    expect: { outcomes: ['repair'], refusal: 'custom_repair_first' },
  },
  {
    title: 'C custom furniture: the repair failed, return or exchange',
    item: { ...table, customMade: true },
    today: '2026-05-10',
    request: serious({ items: [{ line: 1, repairs: 1 }] }),
    expect: { outcomes: ['refund', 'exchange', 'repair'], refund: 300_000 },
  },
  {
    title: 'C two failed repairs in warranty: exchange or refund',
    today: '2026-12-26',
    request: quality({ items: [{ line: 1, repairs: 2 }] }),
    expect: { outcomes: ['refund', 'exchange', 'repair'], refund: 459_900, rule: 'B.art11' },
  },

  // ---- D: no rule and nothing agreed ----
  {
    title: 'D day 7 after receipt: return',
    item: kettle,
    today: '2026-03-08',
    request: quality(),
    expect: { outcomes: ['refund', 'exchange', 'repair'], rule: 'D.return' },
  },
  {
    title: 'D day 8: exchange or repair',
    item: kettle,
    today: '2026-03-09',
    request: quality(),
    expect: { outcomes: ['exchange', 'repair'], rule: 'D.exchange_or_repair' },
  },

  // ---- the purchase and its lines ----
  {
    title: 'a purchase already returned is refused',
    today: '2026-03-02',
    status: 'returned',
    expect: { outcomes: ['refused'], refusal: 'purchase_closed' },
  },
  {
    title: 'a partial return: 1 of 2 chairs refunded at one chair’s price',
    item: { name: '餐椅', category: 'furniture', amount: 60_000, quantity: 2 },
    today: '2026-03-02',
    request: { items: [{ line: 1, quantity: 1 }] },
    expect: { outcomes: ['refund', 'exchange'], refund: 60_000 },
  },
  {
    title: 'more than is left to return is refused',
    item: { name: '餐椅', category: 'furniture', amount: 60_000, quantity: 2 },
    returned: { '1': 1 },
    today: '2026-03-02',
    request: { items: [{ line: 1, quantity: 2 }] },
    expect: { outcomes: ['refused'], refusal: 'quantity_exceeds_purchase' },
  },
  {
    title: 'two lines: the refund is their sum',
    items: [sofa, cushion],
    today: '2026-03-02',
    expect: { outcomes: ['refund', 'exchange'], refund: 469_800 },
  },
  {
    title: 'two lines allowing different outcomes: handled separately',
    items: [sofa, { name: '草莓', category: 'fresh', amount: 3_990 }],
    today: '2026-03-02',
    expect: { outcomes: ['refused'], refusal: 'lines_disagree' },
  },
];

describe('decideEligibility: worked cases of the domain file', () => {
  it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases)('$title', (c) => {
    const decision = decide(c);
    expect(decision.outcomes).toEqual(c.expect.outcomes);
    if (c.expect.refund !== undefined) expect(decision.refundAmount).toBe(c.expect.refund);
    if (c.expect.outcomes[0] === 'refused') {
      expect(decision.refundAmount).toBe(0);
      expect(decision.refusals.length).toBeGreaterThan(0);
    }
    if (c.expect.repairFee !== undefined) expect(decision.repairFee).toBe(c.expect.repairFee);
    if (c.expect.refusal)
      expect(decision.refusals.map((refusal) => refusal.code)).toContain(c.expect.refusal);
    if (c.expect.rule) expect(decision.trace.map((entry) => entry.rule)).toContain(c.expect.rule);
    if (c.expect.requestedAllowed !== undefined)
      expect(decision.requestedAllowed).toBe(c.expect.requestedAllowed);
    // Every refusal can be read out in both languages; every trace entry names its basis.
    for (const refusal of decision.refusals) {
      expect(refusal.zh.length).toBeGreaterThan(0);
      expect(refusal.en.length).toBeGreaterThan(0);
    }
    for (const entry of decision.trace) expect(entry.basis.length).toBeGreaterThan(0);
  });

  it('cites the article and the day in the trace', () => {
    const decision = decide({
      title: '',
      item: tv,
      today: '2026-03-13',
      request: quality(),
      expect: { outcomes: [] },
    });
    const art10 = decision.trace.find((entry) => entry.rule === 'B.art10');
    expect(art10?.basis).toContain('部分商品修理更换退货责任规定 art. 10');
    expect(art10?.basis).toContain('day 12');
    expect(art10?.inputs).toMatchObject({ day: 12, days: 15, from: '2026-03-01' });
  });

  it('records the policy version it used', () => {
    expect(decide({ title: '', today: '2026-03-02', expect: { outcomes: [] } }).policyVersion).toBe(0);
    expect(
      decide({ title: '', today: '2026-03-02', policy: {}, expect: { outcomes: [] } }).policyVersion,
    ).toBe(3);
  });
});

describe('depreciationOf and addMonths', () => {
  it('rounds half up to the fen and never exceeds the price', () => {
    expect(depreciationOf(129_900, 5, 45)).toBe(2_923);
    expect(depreciationOf(10_000, 5, 1)).toBe(5);
    expect(depreciationOf(1, 5, 1_000)).toBe(1);
    expect(depreciationOf(100, 10_000, 3_650)).toBe(100);
  });
  it('keeps the day of the month, or the month’s last day', () => {
    expect(addMonths('2026-03-01', 12)).toBe('2027-03-01');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });
});

const dayMs = 86_400_000;
const dateFrom = (base: string, days: number) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

const arbitraryFacts = fc.record({
  category: fc.constantFrom(
    'sofa',
    'furniture',
    'mirror',
    'television',
    'bicycle',
    'computer',
    'fresh',
    'software',
    'home_goods',
    'kitchenware',
  ),
  customMade: fc.boolean(),
  confirmed: fc.boolean(),
  warrantyMonths: fc.integer({ min: 0, max: 36 }),
  amount: fc.integer({ min: 0, max: 10_000_000 }),
  quantity: fc.integer({ min: 1, max: 5 }),
  asked: fc.integer({ min: 1, max: 5 }),
  deliveredAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  day: fc.integer({ min: -3, max: 1_200 }),
  later: fc.integer({ min: 1, max: 800 }),
  kind: fc.constantFrom('return', 'exchange', 'repair'),
  reason: fc.constantFrom('no_reason', 'quality_problem'),
  seriousDefect: fc.boolean(),
  exempt: fc.boolean(),
  repairs: fc.integer({ min: 0, max: 4 }),
  daysInRepair: fc.integer({ min: 0, max: 200 }),
  labelsPresent: fc.boolean(),
  usedOrSoiled: fc.boolean(),
  packaging: fc.constantFrom('intact', 'opened', 'missing'),
  bp: fc.integer({ min: 0, max: 10_000 }),
});

type Facts = typeof arbitraryFacts extends fc.Arbitrary<infer T> ? T : never;

function factsOf(f: Facts, day: number): Case {
  return {
    title: '',
    item: {
      name: 'x',
      category: f.category,
      customMade: f.customMade,
      ...(f.confirmed ? { confirmedExclusions: ['near_expiry'] } : {}),
      warrantyMonths: f.warrantyMonths,
      amount: f.amount,
      quantity: f.quantity,
    },
    purchasedOn: '2026-03-01',
    deliveredOn: f.deliveredAfter === undefined ? null : dateFrom('2026-03-01', f.deliveredAfter),
    today: dateFrom('2026-03-01', day),
    policy: {
      classes: {
        ...defaultAfterSalesPolicy.classes,
        television: { ...defaultAfterSalesPolicy.classes.television, depreciationBpPerDay: f.bp },
      },
    },
    request: {
      kind: f.kind,
      reason: f.reason,
      seriousDefect: f.seriousDefect,
      ...(f.exempt ? { exemption: 'no_invoice' } : {}),
      items: [
        {
          line: 1,
          quantity: Math.min(f.asked, f.quantity),
          repairs: f.repairs,
          daysInRepair: f.daysInRepair,
        },
      ],
      condition: { labelsPresent: f.labelsPresent, usedOrSoiled: f.usedOrSoiled, packaging: f.packaging },
    },
    expect: { outcomes: [] },
  };
}

describe('decideEligibility: properties', () => {
  it('never refunds more than was paid for the lines asked about', () => {
    fc.assert(
      fc.property(arbitraryFacts, (f) => {
        const decision = decide(factsOf(f, f.day));
        const paid = f.amount * Math.min(f.asked, f.quantity);
        expect(decision.refundAmount).toBeGreaterThanOrEqual(0);
        expect(decision.refundAmount).toBeLessThanOrEqual(paid);
        for (const line of decision.lines) expect(line.refundAmount).toBeLessThanOrEqual(line.paid);
      }),
      { numRuns: 500 },
    );
  });

  it('never allows more outcomes for the same facts on a later day', () => {
    fc.assert(
      fc.property(arbitraryFacts, (f) => {
        const earlier = decide(factsOf(f, f.day)).outcomes.filter((outcome) => outcome !== 'refused');
        const later = decide(factsOf(f, f.day + f.later)).outcomes.filter((outcome) => outcome !== 'refused');
        for (const outcome of later) expect(earlier).toContain(outcome);
      }),
      { numRuns: 500 },
    );
  });
});
