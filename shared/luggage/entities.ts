import { defineEntity } from '../db/entity';
import { timerKey } from '../timers/keys';
import type { Luggage } from './views';

/**
 * Stored luggage (行李寄存记录): one record per tag, listed per store and status by the expected
 * pick-up (what is in the luggage room, the soonest to be collected first).
 */
export const luggageEntity = /* @__PURE__ */ defineEntity<Luggage>({
  tag: 'luggage',
  about:
    'Luggage left at the desk under a two-part tag (行李寄存); listed per store and status by expected pick-up.',
  key: { pk: 'T#{tenantId}#LUGGAGE#{id}', sk: 'LUGGAGE' },
  views: {
    byStoreStatus: { pk: 'T#{tenantId}#STORE#{storeId}#LUGGAGE#{status}', sk: '{expectedPickUpAt}#{id}' },
  },
});

export interface LuggageTagReservation {
  readonly storeId: string;
  readonly tagNumber: string;
  readonly luggageId: string;
}

/**
 * Keeps a tag number unique in its store while the luggage is stored: written in the same
 * transaction as the record, deleted in the pick-up's transaction (the tag is used again).
 */
export const luggageTagEntity = /* @__PURE__ */ defineEntity<LuggageTagReservation>({
  tag: 'luggage_tag',
  about: 'Reserves a luggage tag number in its store while the luggage is stored; released at pick-up.',
  key: { pk: 'T#{tenantId}#STORE#{storeId}#LUGGAGE_TAG#{tagNumber}', sk: 'LUGGAGE_TAG' },
});

/** The record's one timer: remind the desk when the luggage is still here long after its pick-up. */
export const luggageTimerKey = (tenantId: string, luggageId: string) =>
  timerKey(tenantId, luggageId, 'unclaimed');
