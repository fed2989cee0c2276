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
import { idTypes, maxSafeBoxHistory, safeBoxStatuses } from './schema';

/* What the API returns for a safe deposit box (保险箱记录卡). Runtime code imports these only as types. */

const historyEntry = strictObject({
  at: string(),
  /** The member of staff who attended. */
  by: string(),
  what: zEnum(['opened', 'accessed', 'closed', 'key_not_returned']),
  /** The guest's signature for this step. */
  signatureRef: optional(string()),
  detail: optional(string()),
});
export type SafeBoxHistoryEntry = Infer<typeof historyEntry>;

export const safeBox = strictObject({
  id: ulid,
  storeId: ulid,
  boxNumber: string(),
  guestName: string(),
  room: string(),
  idType: zEnum(idTypes),
  idLast4: string(),
  note: optional(string()),
  openedAt: string(),
  openedBy: string(),
  status: zEnum(safeBoxStatuses),
  accesses: number(),
  closedAt: optional(string()),
  /** Set when the key was not handed back at closing: the fee charged, in fen. */
  keyNotReturned: optional(strictObject({ fee: number(), currency: string() })),
  /** Every step, with who and when: the box's access log. */
  history: array(historyEntry).check(maxLength(maxSafeBoxHistory)),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type SafeBox = Infer<typeof safeBox>;
