import type { Purchase } from '../customers/views';
import { type BundleCharge, bundleCharges, chargedOf, shareOf } from './bundles';
import { fill, type Pair, ruleTexts, type TextValue } from './rule-texts';
import type { AfterSalesPolicy, EligibilityRequest, RuleClass } from './schema';
import type { EligibilityDecision, LineDecision, Outcome, Refusal, RepairFee, TraceEntry } from './views';
import { classOf, daysBetween, localDate, warrantyOf } from './warranty';

/*
 * The eligibility engine: a pure function from the purchase, the request (with each item's repair
 * history and what the desk saw on the goods), the tenant's policy and the day, to a decision that
 * names every rule it evaluated. Rules and their sources: ../shared/domain/after-sales.md.
 *
 * Counting days: a window of N days counted from a date (签收 or the invoice) runs from the day
 * after it and ends on date + N; a warranty of M months ends on date + M months. Days the item
 * spent in repair do not count against quality windows, warranties or depreciation.
 */

export type {
  EligibilityDecision,
  LineDecision,
  Outcome,
  Refusal,
  RepairFee,
  TraceEntry,
} from './views';

export interface EligibilityFacts {
  readonly purchase: Pick<
    Purchase,
    'items' | 'bundles' | 'purchasedOn' | 'deliveredOn' | 'status' | 'distanceSale'
  >;
  readonly request: EligibilityRequest;
  readonly policy: AfterSalesPolicy;
  /** Repairs each line had here (finished repair cases), added to what the desk declares. */
  readonly repaired?:
    | Readonly<Record<string, { readonly repairs: number; readonly daysInRepair: number }>>
    | undefined;
  /** Quantities per line already refunded by earlier cases. */
  readonly returned?: Readonly<Record<string, number>>;
  /** Per bundle (from 1): the discount earlier refunds held back (./bundles.ts). */
  readonly bundlesHeld?: Readonly<Record<string, number>>;
  /** Lines exchanged here: the store's day the replacement was handed over, and how many units. */
  readonly exchanged?: Readonly<Record<string, { readonly on: string; readonly quantity: number }>>;
  readonly now: Date;
  /** The store's time zone: the day counts are the store's local days. */
  readonly timeZone: string;
}

// ---- dates (shared with the repair warranty: ./warranty.ts) ---------------------------------

export { addDays, addMonths, daysBetween, localDate } from './warranty';

// ---- money ------------------------------------------------------------------------------------

/**
 * 折旧 (三包 art. 13): rate per day × days, in basis points of the price paid, rounded half up to
 * the fen; never more than the price. BigInt: price × rate × days can pass 2^53.
 */
export function depreciationOf(paid: number, bpPerDay: number, days: number): number {
  const raw = (BigInt(paid) * BigInt(bpPerDay) * BigInt(Math.max(0, days)) + 5_000n) / 10_000n;
  return Number(raw > BigInt(paid) ? BigInt(paid) : raw);
}

// ---- the rules --------------------------------------------------------------------------------

/** Each rule's basis, by key (texts in rule-texts.json); the key itself if the file is missing. */
const basis = (key: string) => ruleTexts().basis[key] ?? key;

/** What a desk reads out for `code`, in Chinese and English. */
function says(code: string, values: Readonly<Record<string, TextValue>> = {}): { zh: string; en: string } {
  const [zh, en] = ruleTexts().says[code] ?? [code, code];
  return { zh: fill(zh, values, 0), en: fill(en, values, 1) };
}

const word = (key: string): Pair => ruleTexts().words[key] ?? [key, key];

/** Joins pairs per language. */
const joined = (pairs: readonly Pair[], zhSep: string, enSep: string): Pair => [
  pairs.map(([zh]) => zh).join(zhSep),
  pairs.map(([, en]) => en).join(enSep),
];

const yuan = (fen: number) => (fen / 100).toFixed(2);

interface LineFacts {
  readonly line: number;
  readonly item: Purchase['items'][number];
  readonly classId: string;
  readonly ruleClass: RuleClass;
  readonly quantity: number;
  readonly paid: number;
  readonly repairs: number;
  /** Declared, recorded here, and the current delay (三包 art. 12): none of them count. */
  readonly daysInRepair: number;
  readonly mainPart: boolean;
  readonly daysSinceRepair: number | undefined;
  readonly repairDelay: EligibilityRequest['items'][number]['repairDelay'];
  /** The replacement's exchange day when this line was exchanged (三包: the period runs again). */
  readonly restartedOn: string | undefined;
  /** Units of this line already refunded. */
  readonly alreadyReturned: number;
}

interface LineResult {
  readonly outcomes: Outcome[];
  readonly refundAmount: number;
  readonly depreciation: number;
  readonly giftDeduction?: number;
  readonly repairFee: RepairFee | null;
}

type Said = { zh: string; en: string };

class Recorder {
  readonly trace: TraceEntry[] = [];
  readonly refusals: Refusal[] = [];
  readonly notices: Refusal[] = [];
  add(entry: TraceEntry) {
    this.trace.push(entry);
  }
  refuse(code: string, said: Said, line?: number) {
    this.refusals.push({ code, ...(line === undefined ? {} : { line }), ...said });
  }
  notice(code: string, said: Said, line?: number) {
    this.notices.push({ code, ...(line === undefined ? {} : { line }), ...said });
  }
}

const refused: LineResult = { outcomes: ['refused'], refundAmount: 0, depreciation: 0, repairFee: null };

/** 赠品 of a line that stay with the customer: their marked price, spread over the units still out. */
function giftsKept(
  facts: LineFacts,
  purchase: EligibilityFacts['purchase'],
  request: EligibilityRequest,
  returned: EligibilityFacts['returned'],
  r: Recorder,
): number {
  const { line, item, quantity, alreadyReturned } = facts;
  const kept = purchase.items.flatMap((gift, index) => {
    const giftLine = index + 1;
    if (gift.giftFor !== line || request.items.some((asked) => asked.line === giftLine)) return [];
    const left = gift.quantity - (returned?.[String(giftLine)] ?? 0);
    return left > 0 ? [{ giftLine, gift, left }] : [];
  });
  if (kept.length === 0) return 0;
  const priced = kept.filter(({ gift }) => gift.markedPrice !== undefined);
  const unpriced = kept.filter(({ gift }) => gift.markedPrice === undefined);
  // Each unit of the line carries its share of the gifts' value; partial returns add up to the whole.
  const deduction = priced.reduce((sum, { gift, left }) => {
    const value = (gift.markedPrice ?? 0) * left;
    const upTo = (units: number) => shareOf(value, units, item.quantity);
    return sum + upTo(alreadyReturned + quantity) - upTo(alreadyReturned);
  }, 0);
  r.add({
    rule: 'A.gifts',
    line,
    inputs: {
      giftLines: kept.map(({ giftLine }) => giftLine).join(','),
      markedPrices: priced.map(({ gift }) => gift.markedPrice).join(',') || null,
      deduction,
    },
    result: 'applied',
    basis: basis('gifts'),
  });
  const names = (gifts: typeof kept): Pair => {
    const list = gifts.map(({ gift }) => gift.name).join('、');
    return [list, gifts.map(({ gift }) => gift.name).join(', ')];
  };
  if (priced.length > 0) {
    r.notice(
      'gift_not_returned',
      says('gift_not_returned', { gifts: names(priced), amount: yuan(deduction) }),
      line,
    );
  }
  if (unpriced.length > 0) {
    r.notice(
      'gift_not_returned_unpriced',
      says('gift_not_returned_unpriced', { gifts: names(unpriced) }),
      line,
    );
  }
  return deduction;
}

function decideNoReason(
  facts: LineFacts,
  purchase: EligibilityFacts['purchase'],
  request: EligibilityRequest,
  policy: AfterSalesPolicy,
  returned: EligibilityFacts['returned'],
  today: string,
  r: Recorder,
): LineResult {
  const { line, item, ruleClass, classId } = facts;
  const rules = policy.noReason;
  // 网购 and other distance sales: 7 days without a reason is the law; the store can only add.
  const distance = purchase.distanceSale === true;
  const days = distance ? Math.max(rules.enabled ? rules.days : 0, 7) : rules.days;
  let allowed = true;
  const fail = (code: string, said: Said) => {
    allowed = false;
    r.refuse(code, said, line);
  };

  r.add({
    rule: 'A.commitment',
    line,
    inputs: { enabled: rules.enabled },
    result: rules.enabled ? 'passed' : distance ? 'skipped' : 'failed',
    basis: basis('store'),
  });
  if (distance) {
    r.add({
      rule: 'A.distance_sale',
      line,
      inputs: { distanceSale: true, storeDays: rules.enabled ? rules.days : null, days },
      result: 'applied',
      basis: basis('distanceSale'),
    });
  } else if (!rules.enabled) {
    fail('no_reason_not_offered', says('no_reason_not_offered'));
  }

  const start = purchase.deliveredOn ?? purchase.purchasedOn;
  const day = daysBetween(start, today);
  const inWindow = day <= days;
  r.add({
    rule: 'A.window',
    line,
    inputs: {
      from: start,
      countedFrom: purchase.deliveredOn ? 'delivery' : 'purchase',
      day,
      days,
    },
    result: inWindow ? 'passed' : 'failed',
    basis: `${basis('noReasonWindow')}: ${days} days, day ${day}`,
  });
  if (!inWindow) fail('no_reason_window_passed', says('no_reason_window_passed', { days, day }));

  const packagingOpened = request.condition.packaging !== 'intact';
  const legal =
    item.customMade === true
      ? 'custom_made'
      : ruleClass.alwaysExcluded === 'opened_media'
        ? packagingOpened
          ? 'opened_media'
          : undefined
        : ruleClass.alwaysExcluded;
  r.add({
    rule: 'A.always_excluded',
    line,
    inputs: {
      customMade: item.customMade === true,
      classExclusion: ruleClass.alwaysExcluded ?? null,
      packaging: request.condition.packaging,
    },
    result: legal ? 'failed' : 'passed',
    basis: basis('alwaysExcluded'),
  });
  if (legal) fail('no_reason_excluded_goods', says('no_reason_excluded_goods', { what: word(legal) }));

  const storeExcluded = !distance && rules.excludedClasses.includes(classId);
  r.add({
    rule: 'A.store_excluded',
    line,
    inputs: { ruleClass: classId, distanceSale: distance },
    result: distance ? 'skipped' : storeExcluded ? 'failed' : 'passed',
    basis: distance ? basis('distanceStoreExcluded') : basis('store'),
  });
  if (storeExcluded) {
    fail('no_reason_store_excluded', says('no_reason_store_excluded', { label: ruleClass.label }));
  }

  const confirmed = item.confirmedExclusions ?? [];
  r.add({
    rule: 'A.confirmed_exclusion',
    line,
    inputs: { confirmedAtPurchase: confirmed.join(',') || null },
    result: confirmed.length > 0 ? 'failed' : 'passed',
    basis: basis(confirmed.length > 0 ? 'confirmed' : 'notConfirmed'),
  });
  if (confirmed.length > 0) fail('no_reason_exclusion_confirmed', says('no_reason_exclusion_confirmed'));

  const c = request.condition;
  const cond = rules.condition;
  // A distance sale: the store's stricter conditions (packaging, installed) do not apply (暂行办法 art. 8–9).
  const problems = [
    !c.labelsPresent && (cond.labelsRequired || ruleClass.homeGoods) && 'labels',
    !c.accessoriesComplete && cond.accessoriesRequired && 'accessories',
    c.usedOrSoiled && 'used',
    c.damaged && 'damaged',
    c.packaging === 'missing' && cond.packagingRequired && !distance && 'packaging',
    c.installed && cond.installedRefused && !distance && 'installed',
  ].flatMap((problem) => (problem ? [word(problem)] : []));
  r.add({
    rule: 'A.intact',
    line,
    inputs: {
      labelsPresent: c.labelsPresent,
      accessoriesComplete: c.accessoriesComplete,
      packaging: c.packaging,
      usedOrSoiled: c.usedOrSoiled,
      damaged: c.damaged,
      installed: c.installed,
      homeGoods: ruleClass.homeGoods,
    },
    result: problems.length > 0 ? 'failed' : 'passed',
    basis: basis('intact'),
  });
  if (problems.length > 0) {
    fail('no_reason_not_intact', says('no_reason_not_intact', { problems: joined(problems, '、', ', ') }));
  }

  if (!allowed) return refused;
  const giftDeduction = giftsKept(facts, purchase, request, returned, r);
  const refundAmount = Math.max(0, facts.paid - giftDeduction);
  r.add({
    rule: 'A.refund',
    line,
    inputs: { paid: facts.paid, giftDeduction, refund: refundAmount },
    result: 'applied',
    basis: basis('refundFull'),
  });
  return {
    outcomes: rules.allowExchange ? ['refund', 'exchange'] : ['refund'],
    refundAmount,
    depreciation: 0,
    ...(giftDeduction > 0 ? { giftDeduction } : {}),
    repairFee: null,
  };
}

/** Art. 12: in repair for want of the producer's parts over 90 days, or the repairer's fault over 30. */
const art12Days = { parts_unavailable: 90, repairer_fault: 30 } as const;

function decideQuality(
  facts: LineFacts,
  purchase: EligibilityFacts['purchase'],
  request: EligibilityRequest,
  today: string,
  r: Recorder,
): LineResult {
  const { line, item, ruleClass, repairs, daysInRepair, paid } = facts;
  const full = (outcomes: Outcome[]): LineResult => ({
    outcomes,
    refundAmount: outcomes.includes('refund') ? paid : 0,
    depreciation: 0,
    repairFee: outcomes.includes('repair') ? 'free' : null,
  });
  const paidRepair: LineResult = {
    outcomes: ['repair'],
    refundAmount: 0,
    depreciation: 0,
    repairFee: 'paid',
  };

  if (request.exemption) {
    r.add({
      rule: 'B.exemption',
      line,
      inputs: { exemption: request.exemption },
      result: 'applied',
      basis: basis('exemption'),
    });
    r.refuse('quality_exempt', says('quality_exempt'), line);
    return paidRepair;
  }

  // An exchange restarts the 三包 period (and the days depreciated) of the replacement.
  const invoice = facts.restartedOn ?? purchase.purchasedOn;
  const windowStart = ruleClass.windowsFromDelivery
    ? (purchase.deliveredOn ?? purchase.purchasedOn)
    : purchase.purchasedOn;
  const day = Math.max(0, daysBetween(windowStart, today) - daysInRepair);
  const {
    months,
    lastDay: warrantyLastDay,
    inWarranty,
  } = warrantyOf(ruleClass, item, invoice, daysInRepair, today);
  const windowInputs = { from: windowStart, day, daysInRepair };
  const warrantyInputs = {
    invoiceDate: invoice,
    classMonths: ruleClass.warrantyMonths,
    itemMonths: item.warrantyMonths,
    lastDay: months > 0 ? warrantyLastDay : null,
    today,
    daysInRepair,
  };

  /** Exchange, or refund less depreciation from the invoice (or exchange) date (三包 art. 13). */
  const exchangeOrRefund = (rule: string, inputs: TraceEntry['inputs'], basisText: string): LineResult => {
    const days = Math.max(0, daysBetween(invoice, today) - daysInRepair);
    const depreciation = depreciationOf(paid, ruleClass.depreciationBpPerDay, days);
    r.add({
      rule,
      line,
      inputs: {
        ...inputs,
        paid,
        bpPerDay: ruleClass.depreciationBpPerDay,
        daysUsed: days,
        depreciation,
        refund: paid - depreciation,
      },
      result: 'applied',
      basis: basisText,
    });
    return {
      outcomes: ['refund', 'exchange', 'repair'],
      refundAmount: paid - depreciation,
      depreciation,
      repairFee: 'free',
    };
  };
  const failedRepairs = (basisText: string) => exchangeOrRefund('B.art11', { repairs }, basisText);

  const outOfWarranty = (rule: string): LineResult => {
    r.add({ rule, line, inputs: warrantyInputs, result: 'applied', basis: basis('outOfWarranty') });
    const until: Pair =
      months > 0
        ? [
            fill(word('until')[0], { date: warrantyLastDay }, 0),
            fill(word('until')[1], { date: warrantyLastDay }, 1),
          ]
        : word('noWarranty');
    r.refuse('warranty_expired', says('warranty_expired', { until }), line);
    return paidRepair;
  };

  if (ruleClass.regime === 'sanbao') {
    const art9 = day <= ruleClass.returnDays;
    r.add({
      rule: 'B.art9',
      line,
      inputs: { ...windowInputs, days: ruleClass.returnDays },
      result: art9 ? 'applied' : 'skipped',
      basis: `${basis('art9')}; day ${day}`,
    });
    if (art9) return full(['refund', 'exchange', 'repair']);
    // Failed and delayed repairs come before the 15-day window so a later day never allows more.
    if (inWarranty && repairs >= 2) return failedRepairs(basis('art11'));
    const delay = facts.repairDelay;
    if (delay) {
      const over = delay.days > art12Days[delay.cause];
      const applies = over && inWarranty;
      const inputs = { cause: delay.cause, days: delay.days, limit: art12Days[delay.cause], inWarranty };
      if (applies) return exchangeOrRefund('B.art12', inputs, basis('art12'));
      r.add({ rule: 'B.art12', line, inputs, result: 'skipped', basis: basis('art12') });
    }
    const art10 = day <= ruleClass.exchangeDays;
    r.add({
      rule: 'B.art10',
      line,
      inputs: { ...windowInputs, days: ruleClass.exchangeDays },
      result: art10 ? 'applied' : 'skipped',
      basis: `${basis('art10')}; day ${day}`,
    });
    if (art10) return full(['exchange', 'repair']);
    r.add({
      rule: 'B.art6',
      line,
      inputs: warrantyInputs,
      result: inWarranty ? 'passed' : 'failed',
      basis: basis('art6'),
    });
    if (!inWarranty) {
      // 主要部件: a main part keeps a free repair past the whole machine's period.
      const partMonths = facts.mainPart ? ruleClass.mainPartsWarrantyMonths : undefined;
      if (partMonths !== undefined) {
        const part = warrantyOf({ warrantyMonths: partMonths }, item, invoice, daysInRepair, today);
        r.add({
          rule: 'B.main_parts',
          line,
          inputs: { mainPart: true, months: partMonths, lastDay: part.lastDay, today },
          result: part.inWarranty ? 'applied' : 'failed',
          basis: basis('mainParts'),
        });
        if (part.inWarranty) return full(['repair']);
      }
      // A repair must hold for 30 days: the same fault again within them is repaired free.
      if (facts.daysSinceRepair !== undefined) {
        const held = facts.daysSinceRepair > 30;
        r.add({
          rule: 'B.art6_repair_holds',
          line,
          inputs: { daysSinceRepair: facts.daysSinceRepair, days: 30 },
          result: held ? 'skipped' : 'applied',
          basis: basis('art6Holds'),
        });
        if (!held) return full(['repair']);
      }
      return outOfWarranty('B.out_of_warranty');
    }
    r.add({ rule: 'B.art11', line, inputs: { repairs }, result: 'skipped', basis: basis('art11') });
    return full(['repair']);
  }

  if (ruleClass.regime === 'furniture') {
    r.add({
      rule: 'C.warranty',
      line,
      inputs: warrantyInputs,
      result: inWarranty ? 'passed' : 'failed',
      basis: basis('furnitureWarranty'),
    });
    if (item.customMade) {
      const repairFailed = repairs >= 1 && inWarranty;
      r.add({
        rule: 'C.custom',
        line,
        inputs: { customMade: true, repairs, inWarranty },
        result: 'applied',
        basis: basis('furnitureCustom'),
      });
      if (!inWarranty) return outOfWarranty('C.out_of_warranty');
      if (repairFailed) return full(['refund', 'exchange', 'repair']);
      r.refuse('custom_repair_first', says('custom_repair_first'), line);
      return full(['repair']);
    }
    const serious = request.seriousDefect;
    const within90 = serious && day <= ruleClass.returnDays;
    r.add({
      rule: 'C.serious_return',
      line,
      inputs: { ...windowInputs, seriousDefect: serious, days: ruleClass.returnDays },
      result: within90 ? 'applied' : 'skipped',
      basis: `${basis('furniture90')}; day ${day}`,
    });
    if (within90) return full(['refund', 'exchange', 'repair']);
    if (inWarranty && repairs >= 2) {
      return failedRepairs(`${basis('art11')} (applied to furniture by analogy)`);
    }
    const within180 = serious && day <= ruleClass.exchangeDays;
    r.add({
      rule: 'C.serious_exchange',
      line,
      inputs: { ...windowInputs, seriousDefect: serious, days: ruleClass.exchangeDays },
      result: within180 ? 'applied' : 'skipped',
      basis: `${basis('furniture180')}; day ${day}`,
    });
    if (within180) return full(['exchange', 'repair']);
    if (!inWarranty) return outOfWarranty('C.out_of_warranty');
    return full(['repair']);
  }

  const within7 = day <= ruleClass.returnDays;
  r.add({
    rule: 'D.return',
    line,
    inputs: { ...windowInputs, days: ruleClass.returnDays },
    result: within7 ? 'applied' : 'skipped',
    basis: `${basis('general7')}; day ${day}`,
  });
  if (within7) return full(['refund', 'exchange', 'repair']);
  r.add({
    rule: 'D.exchange_or_repair',
    line,
    inputs: windowInputs,
    result: 'applied',
    basis: basis('generalAfter'),
  });
  return full(['exchange', 'repair']);
}

const requestedOutcome: Record<EligibilityRequest['kind'], Outcome> = {
  return: 'refund',
  exchange: 'exchange',
  repair: 'repair',
};

const outcomeOrder: readonly Outcome[] = ['refund', 'exchange', 'repair'];

/** The replacement's exchange day, when this request is about the units exchanged. */
function restartOf(facts: EligibilityFacts, line: number, quantity: number, r: Recorder): string | undefined {
  const exchange = facts.exchanged?.[String(line)];
  if (!exchange || facts.request.reason !== 'quality_problem') return undefined;
  const { on } = exchange;
  const applies = quantity <= exchange.quantity;
  r.add({
    rule: 'B.exchange_restart',
    line,
    inputs: { exchangedOn: on, exchangedQuantity: exchange.quantity, asked: quantity },
    result: applies ? 'applied' : 'skipped',
    basis: basis('exchangeRestart'),
  });
  return applies ? on : undefined;
}

/** 套装优惠: what the refund takes off for the bundle goods it leaves behind, or gives back. */
function bundlesTouched(
  facts: EligibilityFacts,
  lines: readonly LineDecision[],
  r: Recorder,
): BundleCharge[] {
  const rePrice = facts.request.reason === 'no_reason';
  const charges = bundleCharges(
    facts.purchase,
    lines,
    facts.returned ?? {},
    facts.bundlesHeld ?? {},
    rePrice,
  );
  for (const { bundle, name: _name, charge, ...inputs } of charges) {
    r.add({
      rule: 'A.bundle',
      inputs: { bundle, ...inputs, charge },
      result: charge === 0 ? 'skipped' : 'applied',
      basis: basis('bundle'),
    });
  }
  r.notices.push(...bundleNotices(charges));
  return charges;
}

/** What the desk tells the customer about each bundle a refund takes something off or gives back. */
export function bundleNotices(charges: readonly BundleCharge[]): Refusal[] {
  return charges.flatMap(({ name, charge }): Refusal[] => {
    if (charge === 0) return [];
    const code = charge > 0 ? 'bundle_discount_lost' : 'bundle_discount_back';
    return [{ code, ...says(code, { name, amount: yuan(Math.abs(charge)) }) }];
  });
}

/** Decides a return, exchange or repair request; writes nothing and reads no clock. */
export function decideEligibility(facts: EligibilityFacts): EligibilityDecision {
  const { purchase, request, policy } = facts;
  const today = localDate(facts.now, facts.timeZone);
  const r = new Recorder();
  const lines: LineDecision[] = [];

  const active = purchase.status === 'active';
  r.add({
    rule: 'purchase.status',
    inputs: { status: purchase.status },
    result: active ? 'passed' : 'failed',
    basis: basis('purchase'),
  });
  if (!active) r.refuse('purchase_closed', says('purchase_closed', { status: word(purchase.status) }));

  for (const asked of request.items) {
    const item = purchase.items[asked.line - 1];
    if (!item) {
      r.refuse('line_not_found', says('line_not_found', { line: asked.line }), asked.line);
      lines.push({
        line: asked.line,
        name: '',
        ruleClass: '',
        quantity: asked.quantity,
        paid: 0,
        ...refused,
      });
      continue;
    }
    const { id, ruleClass, from } = classOf(item, policy);
    r.add({
      rule: 'class',
      line: asked.line,
      inputs: {
        category: item.category,
        itemRuleClass: item.ruleClass ?? null,
        ruleClass: id,
        from,
        regime: ruleClass.regime,
      },
      result: 'applied',
      basis: basis('classOf'),
    });
    const already = facts.returned?.[String(asked.line)] ?? 0;
    const left = item.quantity - already;
    const quantityOk = asked.quantity <= left;
    r.add({
      rule: 'quantity',
      line: asked.line,
      inputs: { bought: item.quantity, alreadyReturned: already, asked: asked.quantity },
      result: quantityOk ? 'passed' : 'failed',
      basis: basis('quantity'),
    });
    if (!quantityOk) {
      r.refuse(
        'quantity_exceeds_purchase',
        says('quantity_exceeds_purchase', { line: asked.line, left: Math.max(0, left) }),
        asked.line,
      );
    }
    const recorded = facts.repaired?.[String(asked.line)];
    if (recorded) {
      r.add({
        rule: 'repair_history',
        line: asked.line,
        inputs: { repairs: recorded.repairs, daysInRepair: recorded.daysInRepair },
        result: 'applied',
        basis: basis('repairHistory'),
      });
    }
    const lineFacts: LineFacts = {
      line: asked.line,
      item,
      classId: id,
      ruleClass,
      quantity: asked.quantity,
      paid: item.amount * asked.quantity,
      repairs: asked.repairs + (recorded?.repairs ?? 0),
      daysInRepair: asked.daysInRepair + (recorded?.daysInRepair ?? 0) + (asked.repairDelay?.days ?? 0),
      mainPart: asked.mainPart,
      daysSinceRepair: asked.daysSinceRepair,
      repairDelay: asked.repairDelay,
      restartedOn: restartOf(facts, asked.line, asked.quantity, r),
      alreadyReturned: already,
    };
    const result =
      request.reason === 'no_reason'
        ? decideNoReason(lineFacts, purchase, request, policy, facts.returned, today, r)
        : decideQuality(lineFacts, purchase, request, today, r);
    const blocked = !active || !quantityOk;
    lines.push({
      line: asked.line,
      name: item.name,
      ruleClass: id,
      quantity: asked.quantity,
      paid: lineFacts.paid,
      ...(blocked ? refused : result),
    });
  }

  // One case takes one outcome: what every line allows.
  const common = outcomeOrder.filter((outcome) => lines.every((line) => line.outcomes.includes(outcome)));
  const anyAllowed = lines.some((line) => !line.outcomes.includes('refused'));
  if (common.length === 0 && anyAllowed) r.refuse('lines_disagree', says('lines_disagree'));
  const outcomes: Outcome[] = common.length > 0 ? common : ['refused'];
  const bundles = outcomes.includes('refund') ? bundlesTouched(facts, lines, r) : [];
  const refundAmount = outcomes.includes('refund')
    ? Math.max(0, lines.reduce((sum, line) => sum + line.refundAmount, 0) - chargedOf(bundles))
    : 0;
  const fees = lines.map((line) => line.repairFee);
  const repairFee = !outcomes.includes('repair') ? null : fees.includes('paid') ? 'paid' : 'free';
  const requestedAllowed = outcomes.includes(requestedOutcome[request.kind]);
  if (!requestedAllowed && outcomes[0] !== 'refused') {
    r.refuse(
      'requested_outcome_not_allowed',
      says('requested_outcome_not_allowed', {
        asked: word(requestedOutcome[request.kind]),
        possible: joined(outcomes.map(word), '、', ', '),
      }),
    );
  }

  // Who pays to send the goods back: the customer without a reason (unless the store says), else the seller.
  const storePays =
    request.reason === 'no_reason' ? policy.noReason.storePaysReturnShipping : !request.exemption;
  r.add({
    rule: 'shipping',
    inputs: {
      reason: request.reason,
      exemption: request.exemption ?? null,
      payer: storePays ? 'store' : 'customer',
    },
    result: 'applied',
    basis: basis(
      request.reason === 'no_reason'
        ? storePays
          ? 'shippingStore'
          : 'shippingNoReason'
        : storePays
          ? 'shippingQuality'
          : 'shippingExempt',
    ),
  });

  // 欺诈 (消保法 art. 55): flagged with what it would cost; a supervisor judges it, not the engine.
  let fraudCompensation: number | undefined;
  if (request.fraudAlleged) {
    const paid = lines.reduce((sum, line) => sum + line.paid, 0);
    fraudCompensation = Math.max(3 * paid, 50_000);
    r.add({
      rule: 'D.fraud',
      inputs: { paid, compensation: fraudCompensation },
      result: 'applied',
      basis: basis('fraud'),
    });
    r.notice('fraud_alleged', says('fraud_alleged', { amount: yuan(fraudCompensation) }));
  }

  return {
    kind: request.kind,
    reason: request.reason,
    decidedOn: today,
    outcomes,
    requestedAllowed,
    refundAmount,
    repairFee,
    lines,
    refusals: r.refusals,
    notices: r.notices,
    returnShipping: storePays ? 'store' : 'customer',
    ...(fraudCompensation === undefined ? {} : { fraudCompensation }),
    ...(bundles.length > 0 ? { bundles } : {}),
    trace: r.trace,
    policyVersion: policy.version,
  };
}
