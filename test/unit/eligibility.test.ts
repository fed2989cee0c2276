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
import { addExchange, addRepair, type ReturnTally } from '../../shared/after-sales/model';
import { defaultAfterSalesPolicy, withPolicyDefaults } from '../../shared/after-sales/policy';
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
  giftFor: number;
  markedPrice: number;
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
  /** A policy as read from the table, used as it is (not parsed). */
  readonly savedPolicy?: AfterSalesPolicy;
  readonly status?: 'active' | 'cancelled' | 'returned';
  readonly returned?: Record<string, number>;
  readonly distanceSale?: boolean;
  readonly exchanged?: Record<string, { on: string; quantity: number }>;
  readonly expect: {
    readonly outcomes: readonly Outcome[];
    readonly refund?: number;
    readonly repairFee?: 'free' | 'paid' | null;
    readonly refusal?: string;
    readonly rule?: string;
    readonly requestedAllowed?: boolean;
    readonly notice?: string;
    readonly noNotices?: boolean;
    readonly shipping?: 'customer' | 'store';
    readonly fraud?: number;
    readonly ruleResult?: readonly [rule: string, result: string];
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
const laptop: ItemInput = { name: '笔记本电脑', category: 'computer', amount: 699_900 };
const chairs: ItemInput = { name: '餐椅', category: 'furniture', amount: 60_000, quantity: 2 };

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
  const policy: AfterSalesPolicy =
    c.savedPolicy ??
    (c.policy ? { ...putAfterSalesPolicyInput.parse(c.policy), version: 3 } : defaultAfterSalesPolicy);
  const purchasedOn = c.purchasedOn ?? '2026-03-01';
  const deliveredOn = c.deliveredOn === undefined ? purchasedOn : c.deliveredOn;
  const facts: EligibilityFacts = {
    purchase: {
      items,
      purchasedOn,
      ...(deliveredOn ? { deliveredOn } : {}),
      status: c.status ?? 'active',
      ...(c.distanceSale ? { distanceSale: true } : {}),
    },
    request: asked as EligibilityRequest,
    policy,
    ...(c.returned ? { returned: c.returned } : {}),
    ...(c.exchanged ? { exchanged: c.exchanged } : {}),
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
  // ---- B art. 12: repair delays (TV, invoice 2026-03-01; the delay's days count as days in repair) ----
  {
    title:
      'B art. 12: parts unavailable 91 days → exchange, or refund less depreciation of the days out of repair',
    item: tv,
    today: '2026-06-09',
    request: quality({ items: [{ line: 1, repairDelay: { cause: 'parts_unavailable', days: 91 } }] }),
    // 100 days since the invoice, 91 of them waiting: 9 days × 0.1 % of 399,900 = 3,599.1 → 3,599
    expect: { outcomes: ['refund', 'exchange', 'repair'], refund: 396_301, rule: 'B.art12' },
  },
  {
    title: 'B art. 12: parts unavailable 90 days is not yet over 90: repair',
    item: tv,
    today: '2026-09-01',
    request: quality({ items: [{ line: 1, repairDelay: { cause: 'parts_unavailable', days: 90 } }] }),
    expect: { outcomes: ['repair'], repairFee: 'free', ruleResult: ['B.art12', 'skipped'] },
  },
  {
    title: 'B art. 12: parts unavailable 91 days, same day: exchange or refund',
    item: tv,
    today: '2026-09-01',
    request: quality({ items: [{ line: 1, repairDelay: { cause: 'parts_unavailable', days: 91 } }] }),
    expect: { outcomes: ['refund', 'exchange', 'repair'], ruleResult: ['B.art12', 'applied'] },
  },
  {
    title: 'B art. 12: the repairer’s own fault, 31 days → exchange or refund',
    item: tv,
    today: '2026-09-01',
    request: quality({ items: [{ line: 1, repairDelay: { cause: 'repairer_fault', days: 31 } }] }),
    expect: { outcomes: ['refund', 'exchange', 'repair'], ruleResult: ['B.art12', 'applied'] },
  },
  {
    title: 'B art. 12: the repairer’s own fault, 30 days: repair',
    item: tv,
    today: '2026-09-01',
    request: quality({ items: [{ line: 1, repairDelay: { cause: 'repairer_fault', days: 30 } }] }),
    expect: { outcomes: ['repair'], ruleResult: ['B.art12', 'skipped'] },
  },
  {
    title: 'B art. 12: after the 三包 period (extended by the 100 days) a delay gives a paid repair',
    item: tv,
    today: '2027-06-10',
    request: quality({ items: [{ line: 1, repairDelay: { cause: 'parts_unavailable', days: 100 } }] }),
    expect: { outcomes: ['repair'], repairFee: 'paid', refusal: 'warranty_expired' },
  },
  {
    title: 'B art. 12: the 100 waiting days keep the 三包 period open to 2027-06-09',
    item: tv,
    today: '2027-06-09',
    request: quality({ items: [{ line: 1, repairDelay: { cause: 'parts_unavailable', days: 100 } }] }),
    expect: { outcomes: ['refund', 'exchange', 'repair'], rule: 'B.art12' },
  },

  // ---- B computers: whole machine 1 year, main parts 2 years (invoice 2026-03-01) ----
  {
    title: 'B computers: a main part in year 2 is repaired free',
    item: laptop,
    today: '2027-09-01',
    request: quality({ kind: 'repair', items: [{ line: 1, mainPart: true }] }),
    expect: { outcomes: ['repair'], repairFee: 'free', ruleResult: ['B.main_parts', 'applied'] },
  },
  {
    title: 'B computers: another part in year 2 is a paid repair',
    item: laptop,
    today: '2027-09-01',
    request: quality({ kind: 'repair' }),
    expect: { outcomes: ['repair'], repairFee: 'paid', refusal: 'warranty_expired' },
  },
  {
    title: 'B computers: a main part on the last day of 2 years is free',
    item: laptop,
    today: '2028-03-01',
    request: quality({ kind: 'repair', items: [{ line: 1, mainPart: true }] }),
    expect: { outcomes: ['repair'], repairFee: 'free' },
  },
  {
    title: 'B computers: a main part the day after 2 years is paid',
    item: laptop,
    today: '2028-03-02',
    request: quality({ kind: 'repair', items: [{ line: 1, mainPart: true }] }),
    expect: { outcomes: ['repair'], repairFee: 'paid', ruleResult: ['B.main_parts', 'failed'] },
  },
  {
    title: 'B computers: a main part in year 2 gives no exchange (the 1-year period rules that)',
    item: laptop,
    today: '2027-09-01',
    request: quality({ kind: 'exchange', items: [{ line: 1, mainPart: true, repairs: 2 }] }),
    expect: { outcomes: ['repair'], repairFee: 'free', requestedAllowed: false },
  },

  // ---- B art. 6: a repair must hold for 30 days ----
  {
    title: 'B art. 6: the same fault 30 days after a repair, past the warranty, is repaired free',
    item: tv,
    today: '2027-06-01',
    request: quality({ kind: 'repair', items: [{ line: 1, daysSinceRepair: 30 }] }),
    expect: { outcomes: ['repair'], repairFee: 'free', ruleResult: ['B.art6_repair_holds', 'applied'] },
  },
  {
    title: 'B art. 6: 31 days after the repair, past the warranty, it is paid',
    item: tv,
    today: '2027-06-01',
    request: quality({ kind: 'repair', items: [{ line: 1, daysSinceRepair: 31 }] }),
    expect: {
      outcomes: ['repair'],
      repairFee: 'paid',
      refusal: 'warranty_expired',
      ruleResult: ['B.art6_repair_holds', 'skipped'],
    },
  },

  // ---- B periods: an exchange restarts the replacement's 三包 period ----
  {
    title: 'B exchange: a TV exchanged on 2026-12-01 is repaired free after the first year',
    item: tv,
    exchanged: { '1': { on: '2026-12-01', quantity: 1 } },
    today: '2027-06-01',
    request: quality({ kind: 'repair' }),
    expect: { outcomes: ['repair'], repairFee: 'free', ruleResult: ['B.exchange_restart', 'applied'] },
  },
  {
    title: 'B exchange: the restarted period’s last day is 2027-12-01',
    item: tv,
    exchanged: { '1': { on: '2026-12-01', quantity: 1 } },
    today: '2027-12-01',
    request: quality({ kind: 'repair' }),
    expect: { outcomes: ['repair'], repairFee: 'free' },
  },
  {
    title: 'B exchange: and 2027-12-02 is paid',
    item: tv,
    exchanged: { '1': { on: '2026-12-01', quantity: 1 } },
    today: '2027-12-02',
    request: quality({ kind: 'repair' }),
    expect: { outcomes: ['repair'], repairFee: 'paid' },
  },
  {
    title: 'B exchange: asking about more units than were exchanged keeps the invoice date',
    item: { ...tv, quantity: 2 },
    exchanged: { '1': { on: '2026-12-01', quantity: 1 } },
    today: '2027-06-01',
    request: quality({ kind: 'repair', items: [{ line: 1, quantity: 2 }] }),
    expect: { outcomes: ['repair'], repairFee: 'paid', ruleResult: ['B.exchange_restart', 'skipped'] },
  },
  {
    title: 'B exchange: depreciation runs from the exchange day (40 days × 0.1 %)',
    item: tv,
    exchanged: { '1': { on: '2026-12-01', quantity: 1 } },
    today: '2027-01-10',
    request: quality({ items: [{ line: 1, repairs: 2 }] }),
    expect: { outcomes: ['refund', 'exchange', 'repair'], refund: 383_904 },
  },
  {
    title: 'B exchange: a return without a reason still counts from the original delivery',
    item: tv,
    exchanged: { '1': { on: '2026-03-03', quantity: 1 } },
    today: '2026-03-09',
    expect: { outcomes: ['refused'], refusal: 'no_reason_window_passed' },
  },

  // ---- A gifts (赠品): returned with the goods or their marked price deducted ----
  {
    title: 'A gifts: the gift kept, its marked price off the refund',
    items: [sofa, { ...cushion, amount: 0, giftFor: 1, markedPrice: 9_900 }],
    today: '2026-03-02',
    request: { items: [{ line: 1 }] },
    expect: {
      outcomes: ['refund', 'exchange'],
      refund: 450_000,
      rule: 'A.gifts',
      notice: 'gift_not_returned',
    },
  },
  {
    title: 'A gifts: returned with the goods, the full price',
    items: [sofa, { ...cushion, amount: 0, giftFor: 1, markedPrice: 9_900 }],
    today: '2026-03-02',
    request: { items: [{ line: 1 }, { line: 2 }] },
    expect: { outcomes: ['refund', 'exchange'], refund: 459_900, noNotices: true },
  },
  {
    title: 'A gifts: no marked price, nothing may be charged',
    items: [sofa, { ...cushion, amount: 0, giftFor: 1 }],
    today: '2026-03-02',
    request: { items: [{ line: 1 }] },
    expect: { outcomes: ['refund', 'exchange'], refund: 459_900, notice: 'gift_not_returned_unpriced' },
  },
  {
    title: 'A gifts: 1 of 2 chairs back, half the gift’s price',
    items: [chairs, { ...cushion, amount: 0, giftFor: 1, markedPrice: 5_000 }],
    today: '2026-03-02',
    request: { items: [{ line: 1, quantity: 1 }] },
    expect: { outcomes: ['refund', 'exchange'], refund: 57_500 },
  },
  {
    title: 'A gifts: the last chair takes the rest of the gift’s price',
    items: [chairs, { ...cushion, amount: 0, giftFor: 1, markedPrice: 5_000 }],
    returned: { '1': 1 },
    today: '2026-03-02',
    request: { items: [{ line: 1, quantity: 1 }] },
    expect: { outcomes: ['refund', 'exchange'], refund: 57_500 },
  },
  {
    title: 'A gifts: a gift already brought back is not charged',
    items: [chairs, { ...cushion, amount: 0, giftFor: 1, markedPrice: 5_000 }],
    returned: { '2': 1 },
    today: '2026-03-02',
    request: { items: [{ line: 1, quantity: 2 }] },
    expect: { outcomes: ['refund', 'exchange'], refund: 120_000, noNotices: true },
  },
  {
    title: 'A gifts: never more than the price paid is deducted',
    items: [kettle, { ...sofa, amount: 0, giftFor: 1, markedPrice: 459_900 }],
    today: '2026-03-02',
    request: { items: [{ line: 1 }] },
    expect: { outcomes: ['refund', 'exchange'], refund: 0 },
  },

  // ---- shipping: who pays to send the goods back ----
  {
    title: 'shipping: without a reason the customer pays',
    today: '2026-03-02',
    expect: { outcomes: ['refund', 'exchange'], shipping: 'customer', rule: 'shipping' },
  },
  {
    title: 'shipping: a store that takes it on pays',
    policy: { noReason: { storePaysReturnShipping: true } },
    today: '2026-03-02',
    expect: { outcomes: ['refund', 'exchange'], shipping: 'store' },
  },
  {
    title: 'shipping: a quality problem, the seller pays (消保法 art. 24)',
    item: kettle,
    today: '2026-03-20',
    request: quality(),
    expect: { outcomes: ['exchange', 'repair'], shipping: 'store' },
  },
  {
    title: 'shipping: an exemption (misuse), the customer pays for the paid repair',
    item: tv,
    today: '2026-03-20',
    request: quality({ exemption: 'misuse_or_poor_storage' }),
    expect: { outcomes: ['repair'], repairFee: 'paid', shipping: 'customer' },
  },

  // ---- A distance sales (网购): 7 days without a reason is the law ----
  {
    title: 'A distance sale: the store offers nothing, the law gives 7 days',
    item: kettle,
    distanceSale: true,
    policy: { noReason: { enabled: false } },
    today: '2026-03-08',
    expect: { outcomes: ['refund', 'exchange'], rule: 'A.distance_sale' },
  },
  {
    title: 'A distance sale: day 8 is outside',
    item: kettle,
    distanceSale: true,
    policy: { noReason: { enabled: false } },
    today: '2026-03-09',
    expect: { outcomes: ['refused'], refusal: 'no_reason_window_passed' },
  },
  {
    title: 'A distance sale: a store promising 15 days keeps its promise',
    item: kettle,
    distanceSale: true,
    policy: { noReason: { days: 15 } },
    today: '2026-03-16',
    expect: { outcomes: ['refund', 'exchange'] },
  },
  {
    title: 'A distance sale: the store’s own excluded classes do not take the law’s right away',
    item: kettle,
    distanceSale: true,
    policy: { noReason: { excludedClasses: ['general'] } },
    today: '2026-03-02',
    expect: { outcomes: ['refund', 'exchange'], ruleResult: ['A.store_excluded', 'skipped'] },
  },
  {
    title: 'A distance sale: nor the store’s stricter packaging rule',
    item: kettle,
    distanceSale: true,
    policy: { noReason: { condition: { packagingRequired: true } } },
    today: '2026-03-02',
    request: condition({ packaging: 'missing' }),
    expect: { outcomes: ['refund', 'exchange'] },
  },
  {
    title: 'A distance sale: custom-made goods stay excluded by law',
    item: { ...kettle, customMade: true },
    distanceSale: true,
    today: '2026-03-02',
    expect: { outcomes: ['refused'], refusal: 'no_reason_excluded_goods' },
  },
  {
    title: 'A distance sale: an exclusion confirmed at purchase still applies',
    item: { ...kettle, confirmedExclusions: ['near_expiry'] },
    distanceSale: true,
    today: '2026-03-02',
    expect: { outcomes: ['refused'], refusal: 'no_reason_exclusion_confirmed' },
  },
  {
    title: 'A distance sale: used goods are not 完好',
    item: kettle,
    distanceSale: true,
    today: '2026-03-02',
    request: condition({ usedOrSoiled: true }),
    expect: { outcomes: ['refused'], refusal: 'no_reason_not_intact' },
  },

  // ---- D fraud (消保法 art. 55): flagged with what it would cost ----
  {
    title: 'D fraud alleged: 3× the price paid',
    item: tv,
    today: '2026-03-03',
    request: quality({ fraudAlleged: true }),
    expect: {
      outcomes: ['refund', 'exchange', 'repair'],
      fraud: 1_199_700,
      notice: 'fraud_alleged',
      rule: 'D.fraud',
    },
  },
  {
    title: 'D fraud alleged on cheap goods: at least ¥500',
    item: { name: '草莓', category: 'fresh', amount: 3_990 },
    today: '2026-03-03',
    request: { fraudAlleged: true },
    expect: { outcomes: ['refused'], fraud: 50_000, notice: 'fraud_alleged' },
  },
  {
    title: 'D no fraud alleged: nothing flagged',
    item: tv,
    today: '2026-03-03',
    request: quality(),
    expect: { outcomes: ['refund', 'exchange', 'repair'], noNotices: true },
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
    if (c.expect.notice) expect(decision.notices?.map((notice) => notice.code)).toContain(c.expect.notice);
    if (c.expect.noNotices) expect(decision.notices).toEqual([]);
    if (c.expect.shipping) expect(decision.returnShipping).toBe(c.expect.shipping);
    if (c.expect.fraud !== undefined) expect(decision.fraudCompensation).toBe(c.expect.fraud);
    if (c.expect.ruleResult) {
      const [rule, result] = c.expect.ruleResult;
      expect(decision.trace.filter((entry) => entry.rule === rule).map((entry) => entry.result)).toEqual([
        result,
      ]);
    }
    for (const notice of decision.notices ?? []) {
      expect(notice.zh).not.toMatch(/\{\w+\}/);
      expect(notice.en).not.toMatch(/\{\w+\}/);
    }
    // Every refusal can be read out in both languages; every trace entry names its basis.
    for (const refusal of decision.refusals) {
      expect(refusal.zh.length).toBeGreaterThan(0);
      expect(refusal.en.length).toBeGreaterThan(0);
      // Every placeholder of the texts file filled in.
      expect(refusal.zh).not.toMatch(/\{\w+\}/);
      expect(refusal.en).not.toMatch(/\{\w+\}/);
      expect(refusal.zh).not.toBe(refusal.code);
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
  distanceSale: fc.boolean(),
  mainPart: fc.boolean(),
  delay: fc.option(
    fc.record({
      cause: fc.constantFrom('parts_unavailable', 'repairer_fault'),
      days: fc.integer({ min: 0, max: 200 }),
    }),
    { nil: undefined },
  ),
  exchangedAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  gift: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
  fraudAlleged: fc.boolean(),
  daysSinceRepair: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
});

type Facts = typeof arbitraryFacts extends fc.Arbitrary<infer T> ? T : never;

function factsOf(f: Facts, day: number): Case {
  return {
    title: '',
    items: [
      {
        name: 'x',
        category: f.category,
        customMade: f.customMade,
        ...(f.confirmed ? { confirmedExclusions: ['near_expiry'] } : {}),
        warrantyMonths: f.warrantyMonths,
        amount: f.amount,
        quantity: f.quantity,
      },
      // A gift with the goods (赠品), kept by the customer: its marked price may come off the refund.
      ...(f.gift === undefined
        ? []
        : [{ name: 'gift', category: 'home_goods', amount: 0, giftFor: 1, markedPrice: f.gift }]),
    ],
    distanceSale: f.distanceSale,
    ...(f.exchangedAfter === undefined
      ? {}
      : { exchanged: { '1': { on: dateFrom('2026-03-01', f.exchangedAfter), quantity: 1 } } }),
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
      fraudAlleged: f.fraudAlleged,
      items: [
        {
          line: 1,
          quantity: Math.min(f.asked, f.quantity),
          repairs: f.repairs,
          daysInRepair: f.daysInRepair,
          mainPart: f.mainPart,
          ...(f.daysSinceRepair === undefined ? {} : { daysSinceRepair: f.daysSinceRepair }),
          ...(f.delay ? { repairDelay: f.delay } : {}),
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
    // A bound, not a pace: 1,000 decisions take 3 s alone and more when every core is busy.
  }, 60_000);

  it('never allows more outcomes for the same facts on a later day', () => {
    fc.assert(
      fc.property(arbitraryFacts, (f) => {
        const earlier = decide(factsOf(f, f.day)).outcomes.filter((outcome) => outcome !== 'refused');
        const later = decide(factsOf(f, f.day + f.later)).outcomes.filter((outcome) => outcome !== 'refused');
        for (const outcome of later) expect(earlier).toContain(outcome);
      }),
      { numRuns: 500 },
    );
    // A bound, not a pace: 1,000 decisions take 3 s alone and more when every core is busy.
  }, 60_000);
});

describe('addExchange', () => {
  it('restarts the exchanged lines on the day and clears their repairs, keeping the ids', () => {
    const tally: ReturnTally = {
      purchaseId: 'p',
      customerId: 'c',
      lines: {},
      repairs: {
        '1': { repairs: 2, daysInRepair: 12, repairIds: ['r1', 'r2'] },
        '2': { repairs: 1, daysInRepair: 3, repairIds: ['r3'] },
      },
      version: 4,
    };
    const after = addExchange(tally, [{ line: 1, quantity: 1 }], '2026-12-01', 'ret1');
    expect(after).toMatchObject({
      exchanges: { '1': { on: '2026-12-01', quantity: 1, returnId: 'ret1' } },
      repairs: {
        '1': { repairs: 0, daysInRepair: 0, repairIds: ['r1', 'r2'] },
        '2': { repairs: 1, daysInRepair: 3, repairIds: ['r3'] },
      },
      version: 5,
    });
    // A repair of the old unit finishing late is still counted once at most, and not for the replacement.
    expect(addRepair(after, 1, { id: 'r2', daysInRepair: 5 })).toBe(after);
  });
});

describe('withPolicyDefaults: a tenant’s saved policy that predates a field', () => {
  // As a tenant saved it before rule classes had `mainPartsWarrantyMonths`, `noReason` had
  // `storePaysReturnShipping` and the policy had `refundApproval`; with choices of its own.
  const defaults = defaultAfterSalesPolicy;
  const { mainPartsWarrantyMonths: _months, ...oldComputer } = defaults.classes.computer ?? sofaClass();
  const { alwaysExcluded: _excluded, ...perishableReturnable } = defaults.classes.perishable ?? sofaClass();
  const { storePaysReturnShipping: _shipping, ...oldNoReason } = defaults.noReason;
  const { refundApproval: _approval, ...beforeApproval } = defaults;
  const { tv: _tv, ...categoryClasses } = defaults.categoryClasses;
  const own = { ...sofaClass(), label: '自定义', warrantyMonths: 36 };
  const saved = {
    ...beforeApproval,
    noReason: { ...oldNoReason, days: 10 },
    classes: { ...defaults.classes, computer: oldComputer, perishable: perishableReturnable, own },
    categoryClasses,
    version: 4,
    // An item as stored then: it lacks fields today's type requires, which is the point.
  } as unknown as AfterSalesPolicy;
  const read = withPolicyDefaults(saved);
  const mainPartInYear2 = (policy: AfterSalesPolicy) =>
    decide({
      title: '',
      item: laptop,
      today: '2027-09-01',
      request: quality({ kind: 'repair', items: [{ line: 1, mainPart: true }] }),
      savedPolicy: policy,
      expect: { outcomes: [] },
    });

  it('reads the computer class with the default 24 main-parts months, so a main part in year 2 is repaired free', () => {
    expect(read.classes.computer).toEqual(defaults.classes.computer);
    expect(mainPartInYear2(read)).toMatchObject({ outcomes: ['repair'], repairFee: 'free' });
    // As stored, the class has no main-parts months: the same fault would be charged.
    expect(mainPartInYear2(saved)).toMatchObject({ outcomes: ['repair'], repairFee: 'paid' });
  });

  it('fills nested settings added since it was saved and keeps every choice the tenant made', () => {
    expect(read.noReason).toEqual({ ...defaults.noReason, days: 10 });
    expect(read.refundApproval).toEqual(defaults.refundApproval);
    expect(read.classes.perishable).toEqual(perishableReturnable);
    expect(read.classes.own).toEqual(own);
    expect(read.categoryClasses).toEqual(categoryClasses);
    expect(read.version).toBe(4);
    expect(withPolicyDefaults(defaults)).toEqual(defaults);
  });
});

function sofaClass() {
  const sofa = defaultAfterSalesPolicy.classes.furniture_upholstered;
  if (!sofa) throw new Error('the defaults lost their upholstered furniture class');
  return sofa;
}
