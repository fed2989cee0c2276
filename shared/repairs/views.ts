import {
  array,
  boolean,
  type infer as Infer,
  number,
  optional,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { ulid } from '../schema/common';
import { priceListItem, repairExemptions, repairModes, repairPayment, repairStatuses } from './schema';

/**
 * What the repairs API returns: output schemas, for types and the OpenAPI document. Runtime code
 * imports this module only with `import type`, so these schemas stay out of Lambda bundles.
 */

/** Warranty as decided from the purchase when the case was opened (repair days not counted). */
export const repairWarranty = strictObject({
  inWarranty: boolean(),
  ruleClass: string(),
  months: number(),
  /** The last day covered (invoice date + months + days already in repair). */
  lastDay: string(),
  invoiceDate: string(),
  daysInRepairBefore: number(),
  /** The store's local date it was decided on. */
  decidedOn: string(),
  basis: string(),
});
export type RepairWarranty = Infer<typeof repairWarranty>;

const by = { by: string(), at: string() };

/** The tenant's repair price list (维修价目表) as saved; version 0 (empty, no inspection fee) until saved. */
export const repairPriceList = strictObject({
  items: array(priceListItem),
  inspectionFee: number(),
  /** ISO 4217; every amount on the list is in it (CNY unless saved otherwise). */
  currency: string(),
  updatedAt: optional(string()),
  version: number(),
});
export type RepairPriceList = Infer<typeof repairPriceList>;

/** A price list item as charged: its price when charged, how many, and their amount. */
export const pricedLine = strictObject({
  code: string(),
  name: string(),
  kind: zEnum(['labour', 'part']),
  unitAmount: number(),
  quantity: number(),
  amount: number(),
});

/**
 * Work priced from the price list: the lines at list prices, what they come to, and what the
 * customer pays (0 when free), with why (in warranty, out of warranty, an exemption, a parts purchase).
 */
export const repairCharges = strictObject({
  lines: array(pricedLine),
  listTotal: number(),
  total: number(),
  free: boolean(),
  basis: string(),
  /** The price list's currency: every amount above is in it. */
  currency: string(),
  priceListVersion: number(),
});
export type RepairCharges = Infer<typeof repairCharges>;

export const repairHistoryEntry = strictObject({
  step: string(),
  from: optional(zEnum(repairStatuses)),
  to: zEnum(repairStatuses),
  by: string(),
  at: string(),
  note: optional(string()),
});

export const repairCase = strictObject({
  id: ulid,
  ticketId: ulid,
  storeId: ulid,
  customerId: ulid,
  purchaseId: ulid,
  line: number(),
  itemName: string(),
  mode: zEnum(repairModes),
  problem: string(),
  status: zEnum(repairStatuses),
  warranty: repairWarranty,
  /** free: in warranty and no exemption; paid: out of warranty, exempt, or a parts purchase. */
  charge: zEnum(['free', 'paid']),
  /** Why the case is free or charged, for the desk to read out (保修期内免费 / 保修期外按价目表收费…). */
  chargeBasis: string(),
  exemption: optional(zEnum(repairExemptions)),
  appointment: optional(strictObject({ from: string(), to: string() })),
  technicianId: optional(ulid),
  parcelIn: optional(strictObject({ trackingNumber: string(), ...by })),
  inspection: optional(strictObject({ findings: string(), ...by })),
  quote: optional(strictObject({ ...repairCharges.shape, description: optional(string()), ...by })),
  payment: optional(strictObject({ ...repairPayment.def.shape, ...by })),
  /**
   * The customer declined the quote, or on site refused the priced work (with the visit's
   * findings): why, and the inspection fee (检测费) of the price list, paid if any.
   */
  declined: optional(
    strictObject({
      reason: string(),
      findings: optional(string()),
      inspectionFee: number(),
      currency: string(),
      priceListVersion: number(),
      payment: optional(strictObject(repairPayment.def.shape)),
      ...by,
    }),
  ),
  parcelOut: optional(strictObject({ trackingNumber: string(), carrier: optional(string()), ...by })),
  visit: optional(
    strictObject({
      findings: string(),
      labourMinutes: number(),
      charges: repairCharges,
      payment: optional(strictObject(repairPayment.def.shape)),
      ...by,
    }),
  ),
  guidance: optional(strictObject({ text: string(), ...by })),
  /**
   * Withdrawn by the customer or cancelled by staff (the case ends `cancelled`, adds nothing to
   * the item's history, and leaves the ticket to staff): a payment taken is marked due back.
   */
  cancelled: optional(
    strictObject({
      initiator: zEnum(['customer', 'staff']),
      reason: optional(string()),
      refundDue: optional(
        strictObject({ amount: number(), currency: string(), method: string(), reference: string() }),
      ),
      ...by,
    }),
  ),
  /** The payment due back (`cancelled.refundDue`) paid back to the customer (退款), recorded once. */
  refundPaid: optional(strictObject({ ...repairPayment.def.shape, ...by })),
  /** Set when the repair finished: days the goods were with the repairer (received → shipped back). */
  finishedAt: optional(string()),
  daysInRepair: optional(number()),
  /** Whether the finish added to the item's repair history (a declined quote does not). */
  countsAsRepair: optional(boolean()),
  /**
   * The stalled-stage reminder this stage waits on: quote (3 working days), parcel (7 days) or
   * visit (an on-site window ended 2 business hours ago and no visit is recorded).
   */
  stall: optional(
    strictObject({
      stage: zEnum(['quote', 'parcel', 'visit']),
      dueAt: string(),
      remindedAt: optional(string()),
    }),
  ),
  history: array(repairHistoryEntry),
  createdBy: string(),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type RepairCase = Infer<typeof repairCase>;
