import {
  _default,
  array,
  discriminatedUnion,
  gte,
  type infer as Infer,
  int,
  literal,
  lte,
  maxLength,
  minLength,
  optional,
  refine,
  regex,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { instant, text, ulid } from '../schema/common';

/*
 * The inputs of recordRepairStep and what they share with the other repair inputs (./schema.ts
 * re-exports them all). A module of their own because a module's top-level zod calls stay in every
 * bundle that imports anything from it: the step handler, near its size limit, carries only these.
 */

/** Why free repair gives way to a paid one (三包 exemptions), found at inspection or on the visit. */
export const repairExemptions = [
  'misuse_or_poor_storage',
  'unauthorised_repair',
  'no_invoice',
  'model_mismatch',
  'force_majeure',
] as const;

export const repairPaymentMethods = [
  'cash',
  'card',
  'wechat_pay',
  'alipay',
  'bank_transfer',
  'store_credit',
] as const;

export const fen = int().check(gte(0), lte(100_000_000_00));

const currencies = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code the runtime knows (DESIGN §5: money is integer minor units with a currency). */
export const currencyCode = _default(
  string().check(refine((code) => currencies.has(code), 'Expected an ISO 4217 currency code such as CNY.')),
  'CNY',
);

const paymentMethod = zEnum(repairPaymentMethods);
const paymentReference = text(1, 120);

/** Recorded, not processed: what was paid, in which currency, how, and the slip or transaction reference. */
export const repairPayment = strictObject({
  amount: fen,
  currency: currencyCode,
  method: paymentMethod,
  reference: paymentReference,
});

export const appointment = strictObject({ from: instant, to: instant }).check(
  refine((window) => Date.parse(window.from) < Date.parse(window.to), {
    message: 'The window must end after it starts.',
    path: ['to'],
  }),
);

/** A price list item's code, as the store prints it on its 维修价目表 (e.g. `LAB-MB`, `PART-FAN`). */
export const priceCode = string().check(
  regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'Expected a code: letters, digits, _ . -, up to 40.'),
);

/** One line of a quote or a visit's charges: a price list item and how many. */
export const priceLineInput = strictObject({ code: priceCode, quantity: int().check(gte(1), lte(1000)) });
export type PriceLineInput = Infer<typeof priceLineInput>;

// Declared once and shared by the steps: each declaration costs the step handler's bundle bytes.
/** A reason or a note. */
const sentence = text(1, 1000);
/** Findings, a quote's description, guidance. */
const paragraph = text(1, 2000);
const exemption = optional(zEnum(repairExemptions));
const stepBase = { version: int().check(gte(1)), note: optional(sentence) };
const tracking = text(1, 60);

export const recordRepairStepInput = discriminatedUnion('step', [
  /** 收件: the customer's parcel arrived. */
  strictObject({ ...stepBase, step: literal('receive_parcel'), trackingNumber: tracking }),
  /** 检测: the technician's findings; an exemption found here makes the repair a paid one. */
  strictObject({
    ...stepBase,
    step: literal('inspect'),
    findings: paragraph,
    exemption,
  }),
  /** 报价: out of warranty (mail-in) or a parts purchase, priced from the tenant's price list. */
  strictObject({
    ...stepBase,
    step: literal('quote'),
    lines: array(priceLineInput).check(minLength(1), maxLength(50)),
    description: optional(paragraph),
  }),
  /** The customer accepts the quote and pays (recorded). */
  strictObject({ ...stepBase, step: literal('accept'), payment: repairPayment }),
  /**
   * The customer declines the quote (拒绝报价): mail-in goods go back unrepaired, paying the
   * price list's inspection fee if it has one; a parts purchase simply ends. On site, out of
   * warranty, the customer refuses the priced work after the technician's findings (拒绝收费维修):
   * the visit's findings (and an exemption found there) are recorded, the same fee is paid.
   */
  strictObject({
    ...stepBase,
    step: literal('decline'),
    reason: sentence,
    payment: optional(repairPayment),
    findings: optional(paragraph),
    exemption,
  }),
  /** 寄回 / 发货: shipped to the customer. */
  strictObject({
    ...stepBase,
    step: literal('ship'),
    trackingNumber: tracking,
    carrier: optional(text(1, 60)),
  }),
  /** 签收: the customer has it; the repair is finished. */
  strictObject({ ...stepBase, step: literal('deliver') }),
  /** 安装指导: guidance given once the customer has the part or the repaired goods. */
  strictObject({ ...stepBase, step: literal('guide'), guidance: paragraph }),
  /** 改约: a new on-site appointment window (within the store's business hours), before the visit. */
  strictObject({ ...stepBase, step: literal('reschedule'), appointment, reason: optional(sentence) }),
  /**
   * 上门维修记录: what the technician found and did on site, the price list items of the work
   * (labour and parts), and out of warranty the payment of what they come to.
   */
  strictObject({
    ...stepBase,
    step: literal('visit'),
    findings: paragraph,
    lines: _default(array(priceLineInput).check(maxLength(50)), []),
    labourMinutes: int().check(gte(0), lte(24 * 60)),
    exemption,
    payment: optional(repairPayment),
  }),
  /** 客户撤回: the customer withdraws before the store holds their goods or repair work is done. */
  strictObject({ ...stepBase, step: literal('withdraw'), reason: optional(sentence) }),
  /** 取消: staff cancel the case (registered in error, a duplicate…), with the reason. */
  strictObject({ ...stepBase, step: literal('cancel'), reason: sentence }),
  /**
   * 退款: the payment due back on a cancelled case (`cancelled.refundDue`) was paid back. The
   * amount is the desk's confirmation of what it handed back and must be what is due; it goes
   * back in the currency it was paid in.
   */
  strictObject({
    ...stepBase,
    step: literal('refund'),
    amount: fen,
    method: paymentMethod,
    reference: paymentReference,
  }),
]);
export type RecordRepairStepInput = Infer<typeof recordRepairStepInput>;
export type RepairStep = RecordRepairStepInput['step'];

export const repairIdParams = strictObject({ repairId: ulid });
