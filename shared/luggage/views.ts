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
import { idTypes, luggageContents, luggageStatuses } from './schema';

/* What the API returns for stored luggage (行李寄存记录表). Runtime code imports these only as types. */

const historyEntry = strictObject({
  at: string(),
  /** The user who did it, or `timer`. */
  by: string(),
  what: zEnum(['stored', 'unclaimed_reminded', 'picked_up']),
  detail: optional(string()),
});
export type LuggageHistoryEntry = Infer<typeof historyEntry>;

export const luggage = strictObject({
  id: ulid,
  storeId: ulid,
  /** Upper-cased, unique in the store while stored. */
  tagNumber: string(),
  pieces: number(),
  description: string(),
  location: string(),
  guestName: string(),
  room: optional(string()),
  phone: optional(string()),
  declaredContents: array(zEnum(luggageContents)),
  note: optional(string()),
  storedAt: string(),
  storedBy: string(),
  expectedPickUpAt: string(),
  /** When the desk is reminded if it is still here (the store's days after the expected pick-up). */
  unclaimedAt: string(),
  status: zEnum(luggageStatuses),
  remindedAt: optional(string()),
  pickUp: optional(
    strictObject({
      with: zEnum(['stub', 'id_and_certificate']),
      collectorName: optional(string()),
      idType: optional(zEnum(idTypes)),
      idLast4: optional(string()),
      certificateRef: optional(string()),
      at: string(),
      by: string(),
    }),
  ),
  history: array(historyEntry).check(maxLength(20)),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type Luggage = Infer<typeof luggage>;
