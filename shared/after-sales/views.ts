import {
  array,
  boolean,
  type infer as Infer,
  literal,
  nullable,
  number,
  optional,
  record,
  strictObject,
  string,
  union,
  enum as zEnum,
} from 'zod/mini';
import { ulid } from '../schema/common';
import {
  conditionFacts,
  exemptions,
  putAfterSalesPolicyInput,
  requestedLine,
  returnStatuses,
} from './schema';

/**
 * What the after-sales API returns: output schemas, for types and the OpenAPI document. Runtime
 * code imports this module only with `import type`, so these schemas stay out of Lambda bundles.
 */

export const outcome = zEnum(['refund', 'exchange', 'repair', 'refused']);
export type Outcome = Infer<typeof outcome>;
export const repairFee = zEnum(['free', 'paid']);
export type RepairFee = Infer<typeof repairFee>;

export const traceEntry = strictObject({
  /** Which row of the rules, e.g. `A.window`, `B.art10`, `C.serious_return`, `override`. */
  rule: string(),
  line: optional(number()),
  inputs: record(string(), union([string(), number(), boolean(), literal(null)])),
  /** passed / failed for a condition; applied when the rule decided the line; skipped when it did not apply. */
  result: zEnum(['passed', 'failed', 'applied', 'skipped']),
  /** The law article or tenant policy the rule comes from. */
  basis: string(),
});
export type TraceEntry = Infer<typeof traceEntry>;

/** What the desk reads out to the customer, in Chinese and English. */
export const refusal = strictObject({ code: string(), line: optional(number()), zh: string(), en: string() });
export type Refusal = Infer<typeof refusal>;

export const lineDecision = strictObject({
  line: number(),
  name: string(),
  ruleClass: string(),
  quantity: number(),
  /** What the buyer paid for the quantity asked about, in fen. */
  paid: number(),
  outcomes: array(outcome),
  /** The refund in fen when a refund is allowed (depreciation taken off where the rule says), else 0. */
  refundAmount: number(),
  depreciation: number(),
  /** 赠品 not returned with the goods: their marked price, taken off the refund (暂行办法 art. 12). */
  giftDeduction: optional(number()),
  repairFee: nullable(repairFee),
});
export type LineDecision = Infer<typeof lineDecision>;

/** One bundle a refund touches: what its kept goods lose and what this refund pays for it, in fen. */
export const bundleCharge = strictObject({
  /** The bundle's place in the purchase, from 1 (the tally's key). */
  bundle: number(),
  name: string(),
  discount: number(),
  /** What the bundle's goods still with the customer after this refund paid. */
  keptPaid: number(),
  /** Their share of the discount: what re-pricing them without it costs. */
  keptShare: number(),
  /** Taken off earlier refunds of the bundle and not yet given back; and after this refund. */
  heldBefore: number(),
  heldAfter: number(),
  /** Off this refund: heldAfter − heldBefore (below 0: given back). */
  charge: number(),
});
export type BundleCharge = Infer<typeof bundleCharge>;

export const eligibilityDecision = strictObject({
  kind: zEnum(['return', 'exchange', 'repair']),
  reason: zEnum(['no_reason', 'quality_problem']),
  /** The store's local date the decision was made for. */
  decidedOn: string(),
  /** What staff may choose among (what every line allows), or `refused`. */
  outcomes: array(outcome),
  /** Whether what the customer asked for (a refund for a return…) is among them. */
  requestedAllowed: boolean(),
  refundAmount: number(),
  repairFee: nullable(repairFee),
  lines: array(lineDecision),
  refusals: array(refusal),
  /** What the desk tells the customer besides a refusal (a gift charged, a fraud claim), in Chinese and English. */
  notices: optional(array(refusal)),
  /** Who pays for sending the goods back (消保法 art. 24, 25; the store's policy). Absent on cases decided before it. */
  returnShipping: optional(zEnum(['customer', 'store'])),
  /** The customer alleges fraud: what 消保法 art. 55 would add (3× the price, at least ¥500), in fen. */
  fraudCompensation: optional(number()),
  /** 套装优惠: each bundle the refund touches (./bundles.ts). */
  bundles: optional(array(bundleCharge)),
  trace: array(traceEntry),
  policyVersion: number(),
});
export type EligibilityDecision = Infer<typeof eligibilityDecision>;

export const afterSalesPolicy = strictObject({
  ...putAfterSalesPolicyInput.def.shape,
  version: number(),
  updatedAt: optional(string()),
});

const by = { by: string(), at: string() };

/** 退换货处理单: one return or exchange case. */
export const returnCase = strictObject({
  id: ulid,
  ticketId: ulid,
  storeId: ulid,
  customerId: ulid,
  purchaseId: ulid,
  kind: zEnum(['return', 'exchange']),
  reason: zEnum(['no_reason', 'quality_problem']),
  items: array(requestedLine),
  description: string(),
  seriousDefect: boolean(),
  exemption: optional(zEnum(exemptions)),
  condition: conditionFacts,
  currency: string(),
  decision: eligibilityDecision,
  policyVersion: number(),
  /** What staff may choose among: the decision's outcomes, or what an override granted. */
  allowedOutcomes: array(outcome),
  /** The most that may be refunded, in fen. */
  refundLimit: number(),
  status: zEnum(returnStatuses),
  outcome: optional(zEnum(['refund', 'exchange', 'repair'])),
  /** Goods back with refund chosen: late from then, the start of the store's 8th local day after the receipt (暂行办法 art. 12). */
  refundDueAt: optional(string()),
  /** Not refunded by `refundDueAt`: when the overdue notice went out, and to whom (staff ids). */
  refundOverdue: optional(strictObject({ at: string(), notified: array(string()) })),
  override: optional(strictObject({ ...by, outcome, reason: string() })),
  /** Who approved a refund above the tenant's threshold, up to which amount, and the threshold then. */
  refundApproval: optional(strictObject({ ...by, amount: number(), aboveFen: number() })),
  refund: optional(
    strictObject({
      ...by,
      amount: number(),
      method: string(),
      reference: string(),
      /** Set when the amount was above the threshold: who approved it. */
      approvedBy: optional(string()),
    }),
  ),
  replacement: optional(strictObject({ ...by, sku: optional(string()) })),
  refusal: optional(strictObject({ ...by, explanation: string() })),
  history: array(
    strictObject({
      step: string(),
      from: zEnum(returnStatuses),
      to: zEnum(returnStatuses),
      by: string(),
      at: string(),
      note: optional(string()),
    }),
  ),
  createdBy: string(),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type ReturnCase = Infer<typeof returnCase>;
