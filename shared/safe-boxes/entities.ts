import { defineEntity } from '../db/entity';
import type { SafeBox } from './views';

/**
 * A safe deposit box in use (保险箱记录卡): one card per opening, listed per store and status by
 * when it was opened. Its history is the access log.
 */
export const safeBoxEntity = /* @__PURE__ */ defineEntity<SafeBox>({
  tag: 'safe_box',
  about:
    'A safe deposit box opened for a guest (保险箱记录卡) with its access log; listed per store and status by opening.',
  key: { pk: 'T#{tenantId}#SAFE_BOX#{id}', sk: 'SAFE_BOX' },
  views: {
    byStoreStatus: { pk: 'T#{tenantId}#STORE#{storeId}#SAFE_BOXES#{status}', sk: '{openedAt}#{id}' },
  },
});

export interface SafeBoxNumberReservation {
  readonly storeId: string;
  readonly boxNumber: string;
  readonly safeBoxId: string;
}

/**
 * One open card per box and store: written in the same transaction as the opening, deleted in the
 * closing's transaction (the box is free for the next guest).
 */
export const safeBoxNumberEntity = /* @__PURE__ */ defineEntity<SafeBoxNumberReservation>({
  tag: 'safe_box_number',
  about: 'Reserves a safe deposit box number in its store while the box is open; released when it is closed.',
  key: { pk: 'T#{tenantId}#STORE#{storeId}#SAFE_BOX_NO#{boxNumber}', sk: 'SAFE_BOX_NO' },
});
