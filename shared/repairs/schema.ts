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
import { instant, pageQueryFields, text, ulid } from '../schema/common';

/*
 * Repair cases (售后维修) on repair tickets, from the computer after-sales flow of the seed
 * manual: on site (上门), by mail (寄修) or a parts purchase (购买配件). Money is integer fen.
 */

export const repairModes = ['on_site', 'mail_in', 'parts'] as const;
export type RepairMode = (typeof repairModes)[number];

/**
 * The stages of all three modes:
 *   on_site:  scheduled → done (the visit)
 *   mail_in:  awaiting_parcel → received → inspected (out of warranty) → quoted → repairing | declined
 *             received → repairing (in warranty); repairing → shipped → delivered → done;
 *             declined → shipped → returned_unrepaired (退回未修)
 *   parts:    requested → quoted → paid → shipped → delivered → done; quoted → declined (ends there)
 */
export const repairStatuses = [
  'scheduled',
  'awaiting_parcel',
  'received',
  'inspected',
  'requested',
  'quoted',
  'repairing',
  'paid',
  'declined',
  'shipped',
  'delivered',
  'returned_unrepaired',
  'done',
] as const;
export type RepairStatus = (typeof repairStatuses)[number];

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

/** Recorded, not processed: what was paid, how, and the slip or transaction reference. */
export const repairPayment = strictObject({
  amount: fen,
  method: zEnum(repairPaymentMethods),
  reference: text(1, 120),
});

const appointment = strictObject({ from: instant, to: instant }).check(
  refine((window) => Date.parse(window.from) < Date.parse(window.to), {
    message: 'The window must end after it starts.',
    path: ['to'],
  }),
);

/** A price list item's code, as the store prints it on its 维修价目表 (e.g. `LAB-MB`, `PART-FAN`). */
const priceCode = string().check(
  regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'Expected a code: letters, digits, _ . -, up to 40.'),
);

export const priceListItem = strictObject({
  code: priceCode,
  name: text(1, 120),
  /** 工时费 (labour) or 配件 (a part). */
  kind: zEnum(['labour', 'part']),
  /** Per unit, in fen. */
  amount: fen,
});

/**
 * The tenant's repair price list (维修价目表) for out-of-warranty repairs: labour and parts, in
 * fen, and the inspection fee (检测费) charged when the customer declines a quote after the
 * goods were inspected. The manuals name no fee for a declined quote, so it defaults to 0.
 */
export const putRepairPriceListInput = strictObject({
  items: _default(
    array(priceListItem).check(
      maxLength(500),
      refine(
        (items) => new Set(items.map((item) => item.code)).size === items.length,
        'Codes must be unique.',
      ),
    ),
    [],
  ),
  inspectionFee: _default(fen, 0),
  /** The version read; omit only when the tenant has never saved a price list. */
  version: optional(int().check(gte(1))),
});
export type PutRepairPriceListInput = Infer<typeof putRepairPriceListInput>;

/** One line of a quote or a visit's charges: a price list item and how many. */
export const priceLineInput = strictObject({ code: priceCode, quantity: int().check(gte(1), lte(1000)) });
export type PriceLineInput = Infer<typeof priceLineInput>;

export const createRepairInput = strictObject({
  /** The repair ticket the case is recorded on (opened with createTicket, type repair). */
  ticketId: ulid,
  customerId: ulid,
  purchaseId: ulid,
  /** The item's line in the purchase: 1 for the first item. */
  line: int().check(gte(1), lte(100)),
  mode: zEnum(repairModes),
  /** The fault as the customer describes it (or the parts asked for). */
  problem: text(1, 2000),
  /**
   * on_site: the appointment window (预约上门) and the technician (a staff id) who goes; without
   * one, the technician the ticket is assigned to.
   */
  appointment: optional(appointment),
  technicianId: optional(ulid),
}).check(
  refine((input) => input.mode !== 'on_site' || input.appointment !== undefined, {
    message: 'An on-site repair needs an appointment window.',
    path: ['appointment'],
  }),
);
export type CreateRepairInput = Infer<typeof createRepairInput>;

const stepBase = { version: int().check(gte(1)), note: optional(text(1, 1000)) };
const tracking = text(1, 60);

export const recordRepairStepInput = discriminatedUnion('step', [
  /** 收件: the customer's parcel arrived. */
  strictObject({ ...stepBase, step: literal('receive_parcel'), trackingNumber: tracking }),
  /** 检测: the technician's findings; an exemption found here makes the repair a paid one. */
  strictObject({
    ...stepBase,
    step: literal('inspect'),
    findings: text(1, 2000),
    exemption: optional(zEnum(repairExemptions)),
  }),
  /** 报价: out of warranty (mail-in) or a parts purchase, priced from the tenant's price list. */
  strictObject({
    ...stepBase,
    step: literal('quote'),
    lines: array(priceLineInput).check(minLength(1), maxLength(50)),
    description: optional(text(1, 2000)),
  }),
  /** The customer accepts the quote and pays (recorded). */
  strictObject({ ...stepBase, step: literal('accept'), payment: repairPayment }),
  /**
   * The customer declines the quote (拒绝报价): mail-in goods go back unrepaired, paying the
   * price list's inspection fee if it has one; a parts purchase simply ends.
   */
  strictObject({
    ...stepBase,
    step: literal('decline'),
    reason: text(1, 1000),
    payment: optional(repairPayment),
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
  strictObject({ ...stepBase, step: literal('guide'), guidance: text(1, 2000) }),
  /** 改约: a new on-site appointment window (within the store's business hours), before the visit. */
  strictObject({ ...stepBase, step: literal('reschedule'), appointment, reason: optional(text(1, 1000)) }),
  /**
   * 上门维修记录: what the technician found and did on site, the price list items of the work
   * (labour and parts), and out of warranty the payment of what they come to.
   */
  strictObject({
    ...stepBase,
    step: literal('visit'),
    findings: text(1, 2000),
    lines: _default(array(priceLineInput).check(maxLength(50)), []),
    labourMinutes: int().check(gte(0), lte(24 * 60)),
    exemption: optional(zEnum(repairExemptions)),
    payment: optional(repairPayment),
  }),
]);
export type RecordRepairStepInput = Infer<typeof recordRepairStepInput>;
export type RepairStep = RecordRepairStepInput['step'];

export const repairIdParams = strictObject({ repairId: ulid });

export const listRepairsQuery = strictObject({
  ...pageQueryFields,
  storeId: ulid,
  status: optional(zEnum(repairStatuses)),
  /** Creation-time range, both ends inclusive. */
  from: optional(instant),
  to: optional(instant),
});
export type ListRepairsQuery = Infer<typeof listRepairsQuery>;
