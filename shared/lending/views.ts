import {
  array,
  type infer as Infer,
  maxLength,
  number,
  optional,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { ulid } from '../schema/common';
import { loanStatuses } from './schema';

/* What the API returns for a loan (物品借用记录本). Runtime code imports these only as types. */

const historyEntry = strictObject({
  at: string(),
  /** The user who did it, or `timer`. */
  by: string(),
  what: zEnum(['lent', 'overdue_reminded', 'returned', 'deposit_refunded', 'deposit_kept']),
  detail: optional(string()),
});
export type LoanHistoryEntry = Infer<typeof historyEntry>;

export const loan = strictObject({
  id: ulid,
  storeId: ulid,
  item: string(),
  quantity: number(),
  /** Deposit in minor units (fen) and its currency. */
  deposit: number(),
  currency: string(),
  room: optional(string()),
  guestName: optional(string()),
  lentAt: string(),
  dueBackAt: string(),
  lentBy: string(),
  note: optional(string()),
  status: zEnum(loanStatuses),
  /** When the desk was reminded the item is overdue. */
  remindedAt: optional(string()),
  returnedAt: optional(string()),
  /** What went back to the guest (the whole deposit on return), or 0 when it was kept. */
  depositRefunded: optional(number()),
  history: array(historyEntry).check(maxLength(20)),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type Loan = Infer<typeof loan>;
