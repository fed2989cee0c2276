import { type infer as Infer, optional, strictObject, enum as zEnum } from 'zod/mini';
import { pageQueryFields, ulid } from '../schema/common';

export const listNotificationsQuery = strictObject({
  ...pageQueryFields,
  unread: optional(zEnum(['true', 'false'])),
});
export type ListNotificationsQuery = Infer<typeof listNotificationsQuery>;

export const notificationIdParams = strictObject({ notificationId: ulid });
