import { defineEntity } from '../db/entity';
import type { ShiftHandover } from './views';

/**
 * A shift handover (前台交班本): one per store shift, listed per store and status by the shift's
 * start (the latest shifts last).
 */
export const shiftHandoverEntity = /* @__PURE__ */ defineEntity<ShiftHandover>({
  tag: 'shift_handover',
  about:
    'A front-desk shift handover (前台交班本) with its snapshot of open items; listed per store and status by shift start.',
  key: { pk: 'T#{tenantId}#SHIFT_HANDOVER#{id}', sk: 'SHIFT_HANDOVER' },
  views: {
    byStoreStatus: {
      pk: 'T#{tenantId}#STORE#{storeId}#SHIFT_HANDOVERS#{status}',
      sk: '{shiftStartsAt}#{id}',
    },
  },
});

export interface ShiftHandoverSlot {
  readonly storeId: string;
  readonly shiftStartsAt: string;
  readonly shiftHandoverId: string;
}

/** One handover per store shift: written in the same transaction as the handover, never released. */
export const shiftHandoverSlotEntity = /* @__PURE__ */ defineEntity<ShiftHandoverSlot>({
  tag: 'shift_handover_slot',
  about: 'Keeps one handover per store shift; written with the handover.',
  key: { pk: 'T#{tenantId}#STORE#{storeId}#SHIFT_HANDOVER_SLOT#{shiftStartsAt}', sk: 'SHIFT_HANDOVER_SLOT' },
});
