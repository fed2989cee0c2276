import { defineEntity } from '../db/entity';
import type { Notification } from './views';

/** An inbox entry, in its staff member's own partition; ULID ids list it newest first. */
export const notificationEntity = /* @__PURE__ */ defineEntity<Notification>({
  tag: 'notification',
  about: "An entry in a staff member's inbox, written in the same transaction as the change it announces.",
  key: { pk: 'T#{tenantId}#STAFF#{staffId}#INBOX', sk: 'N#{id}' },
});
