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
import { repairExemptions, repairModes, repairPayment, repairStatuses, usedPart } from './schema';

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
  exemption: optional(zEnum(repairExemptions)),
  appointment: optional(strictObject({ from: string(), to: string() })),
  technicianId: optional(ulid),
  parcelIn: optional(strictObject({ trackingNumber: string(), ...by })),
  inspection: optional(strictObject({ findings: string(), ...by })),
  quote: optional(strictObject({ amount: number(), description: string(), ...by })),
  payment: optional(strictObject({ ...repairPayment.def.shape, ...by })),
  declined: optional(strictObject({ reason: optional(string()), ...by })),
  parcelOut: optional(strictObject({ trackingNumber: string(), carrier: optional(string()), ...by })),
  visit: optional(
    strictObject({
      findings: string(),
      parts: array(usedPart),
      labourMinutes: number(),
      fee: optional(strictObject(repairPayment.def.shape)),
      ...by,
    }),
  ),
  guidance: optional(strictObject({ text: string(), ...by })),
  /** Set when the repair finished: days the goods were with the repairer (received → shipped back). */
  finishedAt: optional(string()),
  daysInRepair: optional(number()),
  /** Whether the finish added to the item's repair history (a declined quote does not). */
  countsAsRepair: optional(boolean()),
  /** The stalled-stage reminder this stage waits on: quote (3 working days) or parcel (7 days). */
  stall: optional(
    strictObject({ stage: zEnum(['quote', 'parcel']), dueAt: string(), remindedAt: optional(string()) }),
  ),
  history: array(repairHistoryEntry),
  createdBy: string(),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type RepairCase = Infer<typeof repairCase>;
