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
import { deliveryMethods, guestMessageStatuses } from './schema';

/* What the API returns for a guest message (宾客留言单). Runtime code imports these only as types. */

const historyEntry = strictObject({
  at: string(),
  /** The user who did it, or `timer`. */
  by: string(),
  what: zEnum(['taken', 'undelivered_reminded', 'delivered', 'acknowledged']),
  detail: optional(string()),
});
export type GuestMessageHistoryEntry = Infer<typeof historyEntry>;

export const guestMessage = strictObject({
  id: ulid,
  storeId: ulid,
  room: optional(string()),
  guestName: optional(string()),
  from: string(),
  callbackNumber: optional(string()),
  content: string(),
  /** The user who took the message, and when. */
  takenBy: string(),
  takenAt: string(),
  status: zEnum(guestMessageStatuses),
  /** When the desk is reminded if it is still undelivered (the store's setting after `takenAt`). */
  remindAt: string(),
  remindedAt: optional(string()),
  delivery: optional(
    strictObject({ how: zEnum(deliveryMethods), at: string(), by: string(), note: optional(string()) }),
  ),
  acknowledgedAt: optional(string()),
  history: array(historyEntry).check(maxLength(20)),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type GuestMessage = Infer<typeof guestMessage>;
