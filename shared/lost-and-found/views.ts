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
import { idTypes, lostItemCategories, lostItemStatuses } from './schema';

/* What the API returns for a found item (宾客遗留物品记录表). Runtime code imports these only as types. */

const historyEntry = strictObject({
  at: string(),
  /** The user who did it, or `timer`. */
  by: string(),
  what: zEnum(['found', 'retention_ended', 'claimed', 'disposed', 'handed_to_police']),
  detail: optional(string()),
});
export type LostItemHistoryEntry = Infer<typeof historyEntry>;

export const lostItem = strictObject({
  id: ulid,
  storeId: ulid,
  description: string(),
  category: zEnum(lostItemCategories),
  foundWhere: string(),
  foundAt: string(),
  foundBy: string(),
  storagePlace: string(),
  recordedBy: string(),
  /** End of retention for its category, counted in the store's zone from when it was found. */
  retainUntil: string(),
  retention: strictObject({ amount: number(), unit: zEnum(['day', 'month']) }),
  status: zEnum(lostItemStatuses),
  /** When the desk was reminded that retention is over. */
  remindedAt: optional(string()),
  claim: optional(
    strictObject({
      claimantName: string(),
      claimantDescription: string(),
      idType: zEnum(idTypes),
      idLast4: string(),
      signatureRef: string(),
      at: string(),
      by: string(),
    }),
  ),
  disposal: optional(
    strictObject({
      how: zEnum(['disposed', 'handed_to_police']),
      note: optional(string()),
      receiptRef: optional(string()),
      at: string(),
      by: string(),
    }),
  ),
  history: array(historyEntry).check(maxLength(20)),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type LostItem = Infer<typeof lostItem>;
