import { defineEntity } from '../db/entity';
import { timerKey } from '../timers/keys';
import type { LostItem } from './views';

/**
 * A found item (宾客遗留物品): one item each, listed per store and status by the end of its
 * retention (what is held, the soonest to dispose of first).
 */
export const lostItemEntity = /* @__PURE__ */ defineEntity<LostItem>({
  tag: 'lost_item',
  about: 'A guest’s item found and kept (宾客遗留物品); listed per store and status by end of retention.',
  key: { pk: 'T#{tenantId}#LOST_ITEM#{id}', sk: 'LOST_ITEM' },
  views: {
    byStoreStatus: { pk: 'T#{tenantId}#STORE#{storeId}#LOST_ITEMS#{status}', sk: '{retainUntil}#{id}' },
  },
});

/** Its one timer: the reminder at the end of retention. */
export const lostItemTimerKey = (tenantId: string, lostItemId: string) =>
  timerKey(tenantId, lostItemId, 'retention');
