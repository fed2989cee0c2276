import {
  array,
  type infer as Infer,
  nullable,
  number,
  optional,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { ulid } from '../schema/common';
import { depositEntryKinds, merchantStatuses } from './schema';

/*
 * OUTPUT schemas of merchants: for types and the API description only. Runtime code imports
 * them with `import type`, so they stay out of Lambda bundles.
 */

const historyEntry = strictObject({
  at: string(),
  by: string(),
  what: zEnum(['admitted', 'active', 'exiting', 'exited', 'hold_ended']),
  detail: optional(string()),
});
export type MerchantHistoryEntry = Infer<typeof historyEntry>;

export const merchant = strictObject({
  id: ulid,
  storeId: ulid,
  name: string(),
  licenceNumber: string(),
  contact: strictObject({ name: string(), phone: string() }),
  categories: array(string()),
  unit: optional(string()),
  contractStart: string(),
  contractEnd: string(),
  depositRequired: number(),
  /** The sum of the ledger's entries, fen; kept in the same transaction as each entry. */
  depositBalance: number(),
  /** What recoveries (追偿) could not take from the deposit and the merchant still owes, fen. */
  receivable: number(),
  /** Compensation claims against the merchant not yet rejected or closed: refunds wait for 0. */
  openClaims: number(),
  status: zEnum(merchantStatuses),
  noticeAt: optional(string()),
  exitAt: optional(string()),
  exitedAt: optional(string()),
  holdDays: optional(number()),
  /** The deposit is held until then; no refund before. */
  holdUntil: optional(string()),
  holdEndedAt: optional(string()),
  history: array(historyEntry),
  createdBy: string(),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type Merchant = Infer<typeof merchant>;

/** One append-only line of a merchant's deposit ledger. */
export const depositEntry = strictObject({
  id: ulid,
  merchantId: ulid,
  storeId: ulid,
  kind: zEnum(depositEntryKinds),
  /** Always positive; the kind says which way it moves the balance. */
  amount: number(),
  /** +amount for deposits and top-ups, −amount for deductions and refunds. */
  delta: number(),
  reference: string(),
  /** The compensation claim a recovery deduction belongs to. */
  claimId: optional(ulid),
  note: optional(string()),
  by: string(),
  at: string(),
});
export type DepositEntry = Infer<typeof depositEntry>;

export const depositEntryPage = strictObject({ items: array(depositEntry), cursor: nullable(string()) });
