import {
  _default,
  array,
  boolean,
  discriminatedUnion,
  gte,
  type infer as Infer,
  int,
  literal,
  lte,
  maxLength,
  minLength,
  optional,
  prefault,
  record,
  refine,
  regex,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { type StaffRole, staffRoleSchema } from '../access/roles';
import { instant, pageQueryFields, text, ulid } from '../schema/common';

/*
 * The tenant's after-sales policy (the store's published commitment and the rule classes the law's
 * periods hang on) and the requests the eligibility engine answers. Defaults from
 * ../shared/domain/after-sales.md; numbers marked *unverified* there are defaults, never truths.
 */

/** Which body of rules decides a quality problem (domain file §B, §C, §D). */
export const qualityRegimes = ['sanbao', 'furniture', 'general'] as const;
export type QualityRegime = (typeof qualityRegimes)[number];

/** Goods never returnable without a reason (消保法 art. 25; 暂行办法 art. 6). */
export const alwaysExcludedKinds = ['perishable', 'opened_media', 'periodical'] as const;

const classId = string().check(
  regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use a-z, 0-9 and _, starting with a letter.'),
);

export const ruleClass = strictObject({
  label: text(1, 80),
  regime: zEnum(qualityRegimes),
  /** 三包有效期 / furniture warranty, in months from the invoice date; repair days do not count. */
  warrantyMonths: int().check(gte(0), lte(240)),
  /** Quality problem: refund (or exchange or repair) within this many days (三包 art. 9: 7; furniture serious defect: 90). */
  returnDays: int().check(gte(0), lte(3650)),
  /** Quality problem: exchange (or repair) within this many days (三包 art. 10: 15; furniture serious defect: 180). */
  exchangeDays: int().check(gte(0), lte(3650)),
  /** Whether those two windows run from delivery (签收) rather than the invoice date. */
  windowsFromDelivery: boolean(),
  /** Depreciation (折旧) per day, in basis points of the price paid (0.1 %/day = 10). */
  depreciationBpPerDay: int().check(gte(0), lte(10_000)),
  /** 家居类: labels removed or cut make the goods not 完好 (暂行办法 art. 9). */
  homeGoods: boolean(),
  /** Never returnable without a reason (legal exclusions). */
  alwaysExcluded: optional(zEnum(alwaysExcludedKinds)),
  /**
   * 主要部件: a longer free-repair period for a fault in a main part (computers: 2 years). Left out
   * of a class the defaults have, it reads as that class's default (policy.ts `withPolicyDefaults`): 0 for none.
   */
  mainPartsWarrantyMonths: optional(int().check(gte(0), lte(240))),
});
export type RuleClass = Infer<typeof ruleClass>;

const furniture = (label: string, warrantyMonths: number): RuleClass => ({
  label,
  regime: 'furniture',
  warrantyMonths,
  returnDays: 90,
  exchangeDays: 180,
  windowsFromDelivery: true,
  depreciationBpPerDay: 0,
  homeGoods: true,
});

const sanbao = (label: string, warrantyMonths: number, depreciationBpPerDay: number): RuleClass => ({
  label,
  regime: 'sanbao',
  warrantyMonths,
  returnDays: 7,
  exchangeDays: 15,
  windowsFromDelivery: false,
  depreciationBpPerDay,
  homeGoods: false,
});

const general = (label: string, extra: Partial<RuleClass> = {}): RuleClass => ({
  label,
  regime: 'general',
  warrantyMonths: 0,
  returnDays: 7,
  exchangeDays: 0,
  windowsFromDelivery: true,
  depreciationBpPerDay: 0,
  homeGoods: false,
  ...extra,
});

/** The default classes: furniture by material (《家具售后服务要求》), 三包 goods, and the rest. */
export const defaultRuleClasses: Record<string, RuleClass> = {
  furniture_standard: furniture('家具 (实木/板式/金属/竹藤/塑料/石材)', 12),
  furniture_upholstered: furniture('软体家具 (沙发/床垫)', 24),
  furniture_hardwood: furniture('红木家具', 24),
  furniture_glass: furniture('玻璃/镜子', 6),
  television: sanbao('彩电', 12, 10),
  bicycle: sanbao('自行车', 12, 5),
  appliance: sanbao('家用电器', 12, 10),
  computer: { ...sanbao('微型计算机 (整机 1 年, 主要部件 2 年)', 12, 10), mainPartsWarrantyMonths: 24 },
  perishable: general('生鲜/易腐', { alwaysExcluded: 'perishable' }),
  media: general('音像制品/计算机软件', { alwaysExcluded: 'opened_media' }),
  periodical: general('报纸/期刊', { alwaysExcluded: 'periodical' }),
  home_goods: general('家居用品', { homeGoods: true }),
  general: general('其他商品'),
};

/** Item category (lower-cased) → rule class; an item's own `ruleClass` wins. */
export const defaultCategoryClasses: Record<string, string> = {
  furniture: 'furniture_standard',
  sofa: 'furniture_upholstered',
  mattress: 'furniture_upholstered',
  hardwood_furniture: 'furniture_hardwood',
  glass_furniture: 'furniture_glass',
  mirror: 'furniture_glass',
  television: 'television',
  tv: 'television',
  bicycle: 'bicycle',
  appliance: 'appliance',
  computer: 'computer',
  fresh: 'perishable',
  grocery: 'perishable',
  perishable: 'perishable',
  software: 'media',
  media: 'media',
  periodical: 'periodical',
  home_goods: 'home_goods',
};

export const defaultOverrideRoles: readonly StaffRole[] = ['supervisor', 'manager', 'admin'];

/**
 * Refunds above this many fen wait for a supervisor or above (issue 11: "supervisors approve refunds
 * above a tenant threshold"). Neither the domain file nor the manuals name a figure: ¥1,000 is a
 * default for the tenant to set.
 */
export const defaultRefundApprovalAboveFen = 100_000;

export const putAfterSalesPolicyInput = strictObject({
  /** 七天无理由退货: the store's own commitment (店堂告示), binding and possibly above the law. */
  noReason: prefault(
    strictObject({
      enabled: _default(boolean(), true),
      days: _default(int().check(gte(1), lte(365)), 7),
      /** Rule classes the store excludes on top of the legal exclusions. */
      excludedClasses: _default(array(classId).check(maxLength(50)), []),
      /** What a no-reason request may get. */
      allowExchange: _default(boolean(), true),
      /** The customer pays return shipping unless the store takes it on (消保法 art. 25). */
      storePaysReturnShipping: _default(boolean(), false),
      /** 完好: what the goods must be like (暂行办法 art. 8–9). Opening to inspect is always allowed. */
      condition: prefault(
        strictObject({
          labelsRequired: _default(boolean(), true),
          accessoriesRequired: _default(boolean(), true),
          packagingRequired: _default(boolean(), false),
          installedRefused: _default(boolean(), false),
        }),
        {},
      ),
    }),
    {},
  ),
  classes: _default(record(classId, ruleClass), defaultRuleClasses),
  categoryClasses: _default(record(text(1, 60), classId), defaultCategoryClasses),
  /** The class of an item whose category maps to nothing. */
  defaultClass: _default(classId, 'general'),
  /** Who may override a refusal (with a reason, shown in the trace). */
  overrideRoles: _default(array(staffRoleSchema).check(minLength(1)), [...defaultOverrideRoles]),
  /** A refund above `aboveFen` is paid only after one of `roles` approved it (never the case's registrar). */
  refundApproval: prefault(
    strictObject({
      aboveFen: _default(int().check(gte(0), lte(100_000_000_00)), defaultRefundApprovalAboveFen),
      roles: _default(array(staffRoleSchema).check(minLength(1)), [...defaultOverrideRoles]),
    }),
    {},
  ),
  version: optional(int().check(gte(1))),
}).check(
  refine((policy) => policy.defaultClass in policy.classes, {
    message: 'The default class must be one of the classes.',
    path: ['defaultClass'],
  }),
  refine((policy) => Object.values(policy.categoryClasses).every((id) => id in policy.classes), {
    message: 'Every category must map to one of the classes.',
    path: ['categoryClasses'],
  }),
);
export type PutAfterSalesPolicyInput = Infer<typeof putAfterSalesPolicyInput>;
export type AfterSalesPolicy = Omit<PutAfterSalesPolicyInput, 'version'> & {
  version: number;
  updatedAt?: string;
};

// ---- requests the engine decides -------------------------------------------------------------

export const requestKinds = ['return', 'exchange', 'repair'] as const;
export type RequestKind = (typeof requestKinds)[number];
export const requestReasons = ['no_reason', 'quality_problem'] as const;

/** Why 三包 gives way to a paid repair (misuse, an unauthorised repairer, no invoice…). */
export const exemptions = [
  'misuse_or_poor_storage',
  'unauthorised_repair',
  'no_invoice',
  'model_mismatch',
  'force_majeure',
] as const;

/** What the desk sees on the goods brought back (暂行办法 art. 8–9). */
export const conditionFacts = strictObject({
  labelsPresent: _default(boolean(), true),
  accessoriesComplete: _default(boolean(), true),
  packaging: _default(zEnum(['intact', 'opened', 'missing']), 'intact'),
  usedOrSoiled: _default(boolean(), false),
  damaged: _default(boolean(), false),
  installed: _default(boolean(), false),
});
export type ConditionFacts = Infer<typeof conditionFacts>;

export const requestedLine = strictObject({
  /** The item's line in the purchase: 1 for the first item. */
  line: int().check(gte(1), lte(100)),
  quantity: _default(int().check(gte(1), lte(10_000)), 1),
  /**
   * Repairs this item had for the problem elsewhere (not as repair cases here, which the engine
   * reads itself), and the days it spent in them.
   */
  repairs: _default(int().check(gte(0), lte(100)), 0),
  daysInRepair: _default(int().check(gte(0), lte(3650)), 0),
  /** The fault is in a main part (主要部件: CPU, motherboard, hard disk, memory, display, power supply…). */
  mainPart: _default(boolean(), false),
  /** Days since a repair of this fault was finished: a repaired product must work ≥ 30 days (三包 art. 6). */
  daysSinceRepair: optional(int().check(gte(0), lte(3650))),
  /**
   * The item is in repair now and not repaired, for `days` since it was sent (送修之日起): parts the
   * producer did not supply, or the repairer's own fault (三包 art. 12). These days count as days in repair.
   */
  repairDelay: optional(
    strictObject({
      cause: zEnum(['parts_unavailable', 'repairer_fault']),
      days: int().check(gte(0), lte(3650)),
    }),
  ),
});

const requestFields = {
  customerId: ulid,
  purchaseId: ulid,
  items: array(requestedLine).check(minLength(1), maxLength(100)),
  kind: zEnum(requestKinds),
  reason: zEnum(requestReasons),
  /** The defect as the customer describes it. */
  description: _default(text(0, 2000), ''),
  /** Furniture: a serious defect (断榫, visible deformation, frame broken, springs collapsed…). */
  seriousDefect: _default(boolean(), false),
  exemption: optional(zEnum(exemptions)),
  condition: prefault(conditionFacts, {}),
  /** 欺诈: the customer says the store deceived them (消保法 art. 55); the decision flags what that would cost. */
  fraudAlleged: _default(boolean(), false),
};

/** Each line named once, so quantities and repair histories cannot contradict each other. */
const eachLineOnce = (input: { items: readonly { line: number }[] }) =>
  new Set(input.items.map((item) => item.line)).size === input.items.length;
const linesOnceMessage = { message: 'Name each line once.', path: ['items'] };

export const checkReturnEligibilityInput = strictObject(requestFields).check(
  refine(eachLineOnce, linesOnceMessage),
);
export type CheckReturnEligibilityInput = Infer<typeof checkReturnEligibilityInput>;
export type EligibilityRequest = Omit<CheckReturnEligibilityInput, 'customerId' | 'purchaseId'>;

// ---- return and exchange cases -----------------------------------------------------------------

export const returnStatuses = ['decided', 'goods_received', 'done', 'refused'] as const;
export type ReturnStatus = (typeof returnStatuses)[number];

export const createReturnInput = strictObject({
  ...requestFields,
  kind: zEnum(['return', 'exchange']),
  /**
   * The ticket the case is recorded on (a return or exchange ticket opened with createTicket).
   * Not opened here: createTicket's bundle and the engine's together pass the bundle-size bar.
   */
  ticketId: ulid,
}).check(refine(eachLineOnce, linesOnceMessage));
export type CreateReturnInput = Infer<typeof createReturnInput>;

const stepBase = { version: int().check(gte(1)), note: optional(text(1, 1000)) };

export const paymentMethods = [
  'cash',
  'card',
  'wechat_pay',
  'alipay',
  'bank_transfer',
  'store_credit',
] as const;

export const recordReturnStepInput = discriminatedUnion('step', [
  /** 收回商品: the goods are back at the desk; staff choose refund or exchange among the allowed. */
  strictObject({ ...stepBase, step: literal('receive_goods'), outcome: zEnum(['refund', 'exchange']) }),
  /** 退款: recorded, not processed. */
  strictObject({
    ...stepBase,
    step: literal('refund'),
    amount: int().check(gte(0), lte(100_000_000_00)),
    method: zEnum(paymentMethods),
    reference: text(1, 120),
  }),
  /**
   * 退款审批: a refund above the tenant's threshold (policy `refundApproval`) approved, up to
   * `amount`, by a supervisor or above who did not register the case; then it may be paid.
   */
  strictObject({
    ...stepBase,
    step: literal('approve_refund'),
    amount: int().check(gte(0), lte(100_000_000_00)),
  }),
  /** The bundle discount counted again after another case of the same bundle was refunded. */
  strictObject({ ...stepBase, step: literal('recount') }),
  /** 换货: the replacement handed over. */
  strictObject({ ...stepBase, step: literal('hand_over_replacement'), sku: optional(text(1, 64)) }),
  /** The customer takes the repair the decision allows; the ticket carries the repair. */
  strictObject({ ...stepBase, step: literal('choose_repair') }),
  /** 解释并拒绝: explained to the customer, recorded. */
  strictObject({ ...stepBase, step: literal('refuse'), explanation: text(1, 2000) }),
  /** A supervisor (or whom the policy names) overrides a refusal, with a reason. */
  strictObject({
    ...stepBase,
    step: literal('override'),
    outcome: zEnum(['refund', 'exchange', 'repair']),
    reason: text(1, 1000),
    /** For a refund: the amount granted (defaults to the full price of the lines). */
    refundAmount: optional(int().check(gte(0), lte(100_000_000_00))),
  }),
]);
export type RecordReturnStepInput = Infer<typeof recordReturnStepInput>;

export const returnIdParams = strictObject({ returnId: ulid });

export const listReturnsQuery = strictObject({
  ...pageQueryFields,
  storeId: ulid,
  status: optional(zEnum(returnStatuses)),
  /** Creation-time range, both ends inclusive. */
  from: optional(instant),
  to: optional(instant),
});
export type ListReturnsQuery = Infer<typeof listReturnsQuery>;
