import {
  array,
  discriminatedUnion,
  gte,
  type infer as Infer,
  int,
  literal,
  lte,
  maxLength,
  optional,
  refine,
  strictObject,
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
 *             received → repairing (in warranty); repairing | declined → shipped → delivered → done
 *   parts:    requested → quoted → paid → shipped → delivered → done
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

const fen = int().check(gte(0), lte(100_000_000_00));

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
  /** on_site: the appointment window (预约上门) and the technician (a staff id) who goes. */
  appointment: optional(appointment),
  technicianId: optional(ulid),
}).check(
  refine((input) => input.mode !== 'on_site' || input.appointment !== undefined, {
    message: 'An on-site repair needs an appointment window.',
    path: ['appointment'],
  }),
  refine((input) => input.mode !== 'on_site' || input.technicianId !== undefined, {
    message: 'An on-site repair needs a technician.',
    path: ['technicianId'],
  }),
);
export type CreateRepairInput = Infer<typeof createRepairInput>;

const stepBase = { version: int().check(gte(1)), note: optional(text(1, 1000)) };
const tracking = text(1, 60);

export const usedPart = strictObject({
  name: text(1, 120),
  quantity: int().check(gte(1), lte(1000)),
  /** Charged per unit out of warranty; 0 in warranty. */
  amount: fen,
});

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
  /** 报价: out of warranty (mail-in) or a parts purchase. */
  strictObject({ ...stepBase, step: literal('quote'), amount: fen, description: text(1, 2000) }),
  /** The customer accepts the quote and pays (recorded). */
  strictObject({ ...stepBase, step: literal('accept'), payment: repairPayment }),
  /** The customer declines the quote: the goods go back unrepaired. */
  strictObject({ ...stepBase, step: literal('decline'), reason: optional(text(1, 1000)) }),
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
  /** 上门维修记录: what the technician found and did on site, and the fee out of warranty. */
  strictObject({
    ...stepBase,
    step: literal('visit'),
    findings: text(1, 2000),
    parts: array(usedPart).check(maxLength(50)),
    labourMinutes: int().check(gte(0), lte(24 * 60)),
    exemption: optional(zEnum(repairExemptions)),
    fee: optional(repairPayment),
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
