import { defineEntity } from '../db/entity';
import { timerKey } from '../timers/keys';
import type { GuestMessage } from './views';

/**
 * A guest message (宾客留言单): one message each, listed per store and status by when it was
 * taken (the oldest undelivered first).
 */
export const guestMessageEntity = /* @__PURE__ */ defineEntity<GuestMessage>({
  tag: 'guest_message',
  about: 'A message left for a room or guest (宾客留言单); listed per store and status by when it was taken.',
  key: { pk: 'T#{tenantId}#GUEST_MESSAGE#{id}', sk: 'GUEST_MESSAGE' },
  views: {
    byStoreStatus: { pk: 'T#{tenantId}#STORE#{storeId}#GUEST_MESSAGES#{status}', sk: '{takenAt}#{id}' },
  },
});

/** The message's one timer: remind the desk while it is still undelivered. */
export const guestMessageTimerKey = (tenantId: string, guestMessageId: string) =>
  timerKey(tenantId, guestMessageId, 'undelivered');
