import {
  _default,
  gte,
  type infer as Infer,
  int,
  optional,
  refine,
  regex,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { pageQueryFields, text, ulid } from '../schema/common';

/** A room number as the desk writes it. */
const room = string().check(regex(/^[A-Za-z0-9-]{1,10}$/, 'Expected a room number, e.g. 1203.'));

export const createGuestMessageInput = strictObject({
  storeId: ulid,
  /** For whom: a room, a guest by name, or both. */
  room: optional(room),
  guestName: optional(text(1, 60)),
  /** Who left it (a name, a company) and how to reach them back. */
  from: text(1, 80),
  callbackNumber: optional(text(1, 40)),
  content: text(1, 1000),
}).check(
  refine((input) => input.room !== undefined || input.guestName !== undefined, {
    message: 'Name the room or the guest the message is for.',
    path: ['room'],
  }),
);
export type CreateGuestMessageInput = Infer<typeof createGuestMessageInput>;

/** How the message reached the room: handed over, slipped under the door, the phone's message light. */
export const deliveryMethods = ['in_person', 'under_door', 'message_light', 'phone'] as const;

export const deliverGuestMessageInput = strictObject({
  version: int().check(gte(1)),
  how: zEnum(deliveryMethods),
  note: optional(text(1, 300)),
});
export type DeliverGuestMessageInput = Infer<typeof deliverGuestMessageInput>;

/** The guest has read it (at the desk, or confirmed by phone). */
export const acknowledgeGuestMessageInput = strictObject({
  version: int().check(gte(1)),
  note: optional(text(1, 300)),
});
export type AcknowledgeGuestMessageInput = Infer<typeof acknowledgeGuestMessageInput>;

export const guestMessageIdParams = strictObject({ guestMessageId: ulid });

export const guestMessageStatuses = ['undelivered', 'delivered', 'acknowledged'] as const;

export const listGuestMessagesQuery = strictObject({
  ...pageQueryFields,
  storeId: ulid,
  status: _default(zEnum(guestMessageStatuses), 'undelivered'),
});
export type ListGuestMessagesQuery = Infer<typeof listGuestMessagesQuery>;
