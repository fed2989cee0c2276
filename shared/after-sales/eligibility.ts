import type { Purchase } from '../customers/views';
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
  readonly purchase: Pick<Purchase, 'items' | 'purchasedOn' | 'deliveredOn' | 'status'>;
  readonly request: EligibilityRequest;
  readonly policy: AfterSalesPolicy;
  /** Repairs each line had here (finished repair cases), added to what the desk declares. */
  readonly repaired?:
    | Readonly<Record<string, { readonly repairs: number; readonly daysInRepair: number }>>
    | undefined;
  /** Quantities per line already refunded by earlier cases. */
  readonly returned?: Readonly<Record<string, number>>;
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

const basis = {
  store: '店堂告示 (the store’s published commitment); 消费者权益保护法实施条例 art. 12, 18',
  noReasonWindow: '消保法 art. 25; 网络购买商品七日无理由退货暂行办法 art. 10 (签收次日起七日)',
  alwaysExcluded: '消保法 art. 25; 暂行办法 art. 6',
  confirmed: '暂行办法 art. 7, 20: excluded only if the buyer confirmed it at purchase',
  intact: '暂行办法 art. 8–9 (商品完好)',
  refundFull: '消保法 art. 25; 暂行办法 art. 12–18: the full price paid',
  art9: '部分商品修理更换退货责任规定 art. 9: within 7 days refund, exchange or repair',
  art10: '部分商品修理更换退货责任规定 art. 10: within 15 days exchange or repair',
  art6: '部分商品修理更换退货责任规定 art. 6: free repair within the 三包 period',
  art11:
    '部分商品修理更换退货责任规定 art. 11, 13: two repairs still failing → free exchange or refund less depreciation',
  exemption:
    '部分商品修理更换退货责任规定: exemptions (misuse, unauthorised repair, no invoice, model mismatch, force majeure) → paid repair',
  outOfWarranty: 'warranty expired: repair at the price list',
  furnitureWarranty:
    '《家具售后服务要求》 (2019): warranty by material, from the invoice date, repair days excluded',
  furniture90:
    'furniture serious defect ≤ 90 days from delivery: return, exchange or repair (local rules, unverified origin; tenant default)',
  furniture180: 'furniture serious defect ≤ 180 days: exchange or repair (unverified; tenant default)',
  furnitureCustom:
    'custom furniture: repair first; return or exchange only when repair fails (retailer contract)',
  general7: '消保法 art. 24: no rule and nothing agreed: return within 7 days of receipt',
  generalAfter:
    '消保法 art. 24: after 7 days exchange or repair; art. 23: durable goods, seller bears the burden of proof for 6 months',
  classOf: 'tenant policy: rule class by item category (an item’s own rule class wins)',
  purchase: 'only an active purchase can be returned',
  quantity: 'a line cannot be returned more often than it was bought',
} as const;

interface LineFacts {
  readonly line: number;
  readonly item: Purchase['items'][number];
  readonly classId: string;
  readonly ruleClass: RuleClass;
  readonly quantity: number;
  readonly paid: number;
  readonly repairs: number;
  readonly daysInRepair: number;
}

interface LineResult {
  readonly outcomes: Outcome[];
  readonly refundAmount: number;
  readonly depreciation: number;
  readonly repairFee: RepairFee | null;
}

class Recorder {
  readonly trace: TraceEntry[] = [];
  readonly refusals: Refusal[] = [];
  add(entry: TraceEntry) {
    this.trace.push(entry);
  }
  refuse(refusal: Refusal) {
    this.refusals.push(refusal);
  }
}

const refused: LineResult = { outcomes: ['refused'], refundAmount: 0, depreciation: 0, repairFee: null };

function decideNoReason(
  facts: LineFacts,
  purchase: EligibilityFacts['purchase'],
  request: EligibilityRequest,
  policy: AfterSalesPolicy,
  today: string,
  r: Recorder,
): LineResult {
  const { line, item, ruleClass, classId } = facts;
  const rules = policy.noReason;
  let allowed = true;
  const fail = (refusal: Omit<Refusal, 'line'>) => {
    allowed = false;
    r.refuse({ ...refusal, line });
  };

  r.add({
    rule: 'A.commitment',
    line,
    inputs: { enabled: rules.enabled },
    result: rules.enabled ? 'passed' : 'failed',
    basis: basis.store,
  });
  if (!rules.enabled) {
    fail({
      code: 'no_reason_not_offered',
      zh: '本店未承诺无理由退货；如商品有质量问题，可按质量问题办理。',
      en: 'This store does not offer returns without a reason; a quality problem is handled as such.',
    });
  }

  const start = purchase.deliveredOn ?? purchase.purchasedOn;
  const day = daysBetween(start, today);
  const inWindow = day <= rules.days;
  r.add({
    rule: 'A.window',
    line,
    inputs: {
      from: start,
      countedFrom: purchase.deliveredOn ? 'delivery' : 'purchase',
      day,
      days: rules.days,
    },
    result: inWindow ? 'passed' : 'failed',
    basis: `${basis.noReasonWindow}: ${rules.days} days, day ${day}`,
  });
  if (!inWindow) {
    fail({
      code: 'no_reason_window_passed',
      zh: `无理由退货期为签收次日起${rules.days}天，今天是第${day}天，已超过期限。`,
      en: `Returns without a reason are accepted for ${rules.days} days from the day after delivery; today is day ${day}.`,
    });
  }

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
    basis: basis.alwaysExcluded,
  });
  if (legal) {
    const names: Record<string, [string, string]> = {
      custom_made: ['定制商品', 'custom-made goods'],
      perishable: ['鲜活易腐商品', 'fresh or perishable goods'],
      opened_media: ['已拆封的音像制品、计算机软件', 'opened audio-video products or software'],
      periodical: ['报纸、期刊', 'newspapers and periodicals'],
    };
    const [zh, en] = names[legal] as [string, string];
    fail({
      code: 'no_reason_excluded_goods',
      zh: `${zh}依法不适用无理由退货（消保法第二十五条）。`,
      en: `By law, ${en} cannot be returned without a reason (Consumer Protection Law art. 25).`,
    });
  }

  const storeExcluded = rules.excludedClasses.includes(classId);
  r.add({
    rule: 'A.store_excluded',
    line,
    inputs: { ruleClass: classId },
    result: storeExcluded ? 'failed' : 'passed',
    basis: basis.store,
  });
  if (storeExcluded) {
    fail({
      code: 'no_reason_store_excluded',
      zh: `本店无理由退货承诺不包括该类商品（${ruleClass.label}）。`,
      en: `The store’s no-reason return commitment does not cover this kind of goods (${ruleClass.label}).`,
    });
  }

  const confirmed = item.confirmedExclusions ?? [];
  r.add({
    rule: 'A.confirmed_exclusion',
    line,
    inputs: { confirmedAtPurchase: confirmed.join(',') || null },
    result: confirmed.length > 0 ? 'failed' : 'passed',
    basis:
      confirmed.length > 0
        ? basis.confirmed
        : `${basis.confirmed}; none confirmed, so the store may not refuse on those grounds (art. 20)`,
  });
  if (confirmed.length > 0) {
    fail({
      code: 'no_reason_exclusion_confirmed',
      zh: '购买时您已确认该商品不适用无理由退货。',
      en: 'At purchase you confirmed that this item cannot be returned without a reason.',
    });
  }

  const c = request.condition;
  const cond = rules.condition;
  const labelsMissing = !c.labelsPresent && (cond.labelsRequired || ruleClass.homeGoods);
  const problems: [string, string][] = [
    ...(labelsMissing
      ? ([['标签、吊牌已拆除或剪掉', 'labels or tags removed or cut']] as [string, string][])
      : []),
    ...(!c.accessoriesComplete && cond.accessoriesRequired
      ? ([['配件不全', 'accessories missing']] as [string, string][])
      : []),
    ...(c.usedOrSoiled ? ([['已使用或污损', 'used or soiled']] as [string, string][]) : []),
    ...(c.damaged ? ([['商品已损坏', 'damaged']] as [string, string][]) : []),
    ...(c.packaging === 'missing' && cond.packagingRequired
      ? ([['包装缺失', 'packaging missing']] as [string, string][])
      : []),
    ...(c.installed && cond.installedRefused ? ([['已安装', 'installed']] as [string, string][]) : []),
  ];
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
    basis: `${basis.intact}; opening to inspect or a reasonable trial is allowed`,
  });
  if (problems.length > 0) {
    fail({
      code: 'no_reason_not_intact',
      zh: `商品不完好（${problems.map(([zh]) => zh).join('、')}），不能无理由退货。`,
      en: `The goods are not intact (${problems.map(([, en]) => en).join(', ')}), so they cannot be returned without a reason.`,
    });
  }

  if (!allowed) return refused;
  r.add({ rule: 'A.refund', line, inputs: { paid: facts.paid }, result: 'applied', basis: basis.refundFull });
  return {
    outcomes: rules.allowExchange ? ['refund', 'exchange'] : ['refund'],
    refundAmount: facts.paid,
    depreciation: 0,
    repairFee: null,
  };
}

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
      basis: basis.exemption,
    });
    r.refuse({
      code: 'quality_exempt',
      line,
      zh: '该情形不属于三包免费范围（如使用不当、非授权维修、无发票或型号不符），可提供收费维修。',
      en: 'This case falls outside free after-sales service (misuse, unauthorised repair, no invoice or model mismatch); a paid repair is offered.',
    });
    return paidRepair;
  }

  const invoice = purchase.purchasedOn;
  const windowStart = ruleClass.windowsFromDelivery ? (purchase.deliveredOn ?? invoice) : invoice;
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

  /** Two repairs and still failing: exchange, or refund less depreciation from the invoice date. */
  const failedRepairs = (basisText: string): LineResult => {
    const days = Math.max(0, daysBetween(invoice, today) - daysInRepair);
    const depreciation = depreciationOf(paid, ruleClass.depreciationBpPerDay, days);
    r.add({
      rule: 'B.art11',
      line,
      inputs: {
        repairs,
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

  const outOfWarranty = (rule: string): LineResult => {
    r.add({ rule, line, inputs: warrantyInputs, result: 'applied', basis: basis.outOfWarranty });
    r.refuse({
      code: 'warranty_expired',
      line,
      zh: `已超过保修期（至${months > 0 ? warrantyLastDay : '无保修'}），不能退换，可按价目表收费维修。`,
      en: `The warranty ${months > 0 ? `ended on ${warrantyLastDay}` : 'does not apply'}; no refund or exchange, a repair at the price list is offered.`,
    });
    return paidRepair;
  };

  if (ruleClass.regime === 'sanbao') {
    const art9 = day <= ruleClass.returnDays;
    r.add({
      rule: 'B.art9',
      line,
      inputs: { ...windowInputs, days: ruleClass.returnDays },
      result: art9 ? 'applied' : 'skipped',
      basis: `${basis.art9}; day ${day}`,
    });
    if (art9) return full(['refund', 'exchange', 'repair']);
    // Failed repairs come before the 15-day window so a later day never allows more.
    if (inWarranty && repairs >= 2) return failedRepairs(basis.art11);
    const art10 = day <= ruleClass.exchangeDays;
    r.add({
      rule: 'B.art10',
      line,
      inputs: { ...windowInputs, days: ruleClass.exchangeDays },
      result: art10 ? 'applied' : 'skipped',
      basis: `${basis.art10}; day ${day}`,
    });
    if (art10) return full(['exchange', 'repair']);
    r.add({
      rule: 'B.art6',
      line,
      inputs: warrantyInputs,
      result: inWarranty ? 'passed' : 'failed',
      basis: basis.art6,
    });
    if (!inWarranty) return outOfWarranty('B.out_of_warranty');
    r.add({ rule: 'B.art11', line, inputs: { repairs }, result: 'skipped', basis: basis.art11 });
    return full(['repair']);
  }

  if (ruleClass.regime === 'furniture') {
    r.add({
      rule: 'C.warranty',
      line,
      inputs: warrantyInputs,
      result: inWarranty ? 'passed' : 'failed',
      basis: basis.furnitureWarranty,
    });
    if (item.customMade) {
      const repairFailed = repairs >= 1 && inWarranty;
      r.add({
        rule: 'C.custom',
        line,
        inputs: { customMade: true, repairs, inWarranty },
        result: 'applied',
        basis: basis.furnitureCustom,
      });
      if (!inWarranty) return outOfWarranty('C.out_of_warranty');
      if (repairFailed) return full(['refund', 'exchange', 'repair']);
      r.refuse({
        code: 'custom_repair_first',
        line,
        zh: '定制家具先行维修；维修不能解决时方可退换。',
        en: 'Custom furniture is repaired first; a refund or exchange follows only if the repair fails.',
      });
      return full(['repair']);
    }
    const serious = request.seriousDefect;
    const within90 = serious && day <= ruleClass.returnDays;
    r.add({
      rule: 'C.serious_return',
      line,
      inputs: { ...windowInputs, seriousDefect: serious, days: ruleClass.returnDays },
      result: within90 ? 'applied' : 'skipped',
      basis: `${basis.furniture90}; day ${day}`,
    });
    if (within90) return full(['refund', 'exchange', 'repair']);
    if (inWarranty && repairs >= 2) {
      return failedRepairs(`${basis.art11} (applied to furniture by analogy)`);
    }
    const within180 = serious && day <= ruleClass.exchangeDays;
    r.add({
      rule: 'C.serious_exchange',
      line,
      inputs: { ...windowInputs, seriousDefect: serious, days: ruleClass.exchangeDays },
      result: within180 ? 'applied' : 'skipped',
      basis: `${basis.furniture180}; day ${day}`,
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
    basis: `${basis.general7}; day ${day}`,
  });
  if (within7) return full(['refund', 'exchange', 'repair']);
  r.add({
    rule: 'D.exchange_or_repair',
    line,
    inputs: windowInputs,
    result: 'applied',
    basis: basis.generalAfter,
  });
  return full(['exchange', 'repair']);
}

const requestedOutcome: Record<EligibilityRequest['kind'], Outcome> = {
  return: 'refund',
  exchange: 'exchange',
  repair: 'repair',
};

const outcomeOrder: readonly Outcome[] = ['refund', 'exchange', 'repair'];

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
    basis: basis.purchase,
  });
  if (!active) {
    r.refuse({
      code: 'purchase_closed',
      zh: `该购买记录已${purchase.status === 'returned' ? '全部退货' : '取消'}。`,
      en: `The purchase is already ${purchase.status}.`,
    });
  }

  for (const asked of request.items) {
    const item = purchase.items[asked.line - 1];
    if (!item) {
      r.refuse({
        code: 'line_not_found',
        line: asked.line,
        zh: `购买记录中没有第${asked.line}行商品。`,
        en: `The purchase has no line ${asked.line}.`,
      });
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
      basis: basis.classOf,
    });
    const already = facts.returned?.[String(asked.line)] ?? 0;
    const left = item.quantity - already;
    const quantityOk = asked.quantity <= left;
    r.add({
      rule: 'quantity',
      line: asked.line,
      inputs: { bought: item.quantity, alreadyReturned: already, asked: asked.quantity },
      result: quantityOk ? 'passed' : 'failed',
      basis: basis.quantity,
    });
    if (!quantityOk) {
      r.refuse({
        code: 'quantity_exceeds_purchase',
        line: asked.line,
        zh: `第${asked.line}行可退数量为${Math.max(0, left)}件。`,
        en: `Line ${asked.line} has ${Math.max(0, left)} left to return.`,
      });
    }
    const recorded = facts.repaired?.[String(asked.line)];
    if (recorded) {
      r.add({
        rule: 'repair_history',
        line: asked.line,
        inputs: { repairs: recorded.repairs, daysInRepair: recorded.daysInRepair },
        result: 'applied',
        basis: 'repair cases here, added to those declared',
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
      daysInRepair: asked.daysInRepair + (recorded?.daysInRepair ?? 0),
    };
    const result =
      request.reason === 'no_reason'
        ? decideNoReason(lineFacts, purchase, request, policy, today, r)
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
  if (common.length === 0 && anyAllowed) {
    r.refuse({
      code: 'lines_disagree',
      zh: '所选商品适用的处理方式不同，请分开办理。',
      en: 'The items asked about allow different outcomes; handle them as separate requests.',
    });
  }
  const outcomes: Outcome[] = common.length > 0 ? common : ['refused'];
  const refundAmount = outcomes.includes('refund')
    ? lines.reduce((sum, line) => sum + line.refundAmount, 0)
    : 0;
  const fees = lines.map((line) => line.repairFee);
  const repairFee = !outcomes.includes('repair') ? null : fees.includes('paid') ? 'paid' : 'free';
  const requestedAllowed = outcomes.includes(requestedOutcome[request.kind]);
  if (!requestedAllowed && outcomes[0] !== 'refused') {
    const names: Record<Outcome, [string, string]> = {
      refund: ['退货退款', 'a refund'],
      exchange: ['换货', 'an exchange'],
      repair: ['维修', 'a repair'],
      refused: ['', ''],
    };
    const [zh, en] = names[requestedOutcome[request.kind]];
    r.refuse({
      code: 'requested_outcome_not_allowed',
      zh: `不能${zh}；可以：${outcomes.map((outcome) => names[outcome][0]).join('、')}。`,
      en: `Not ${en}; what is possible: ${outcomes.map((outcome) => names[outcome][1]).join(', ')}.`,
    });
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
    trace: r.trace,
    policyVersion: policy.version,
  };
}
