import { defineEntity } from '../db/entity';
import { timerKey } from '../timers/keys';
import type { RepairCase, RepairPriceList } from './views';

/**
 * A repair case (维修单) is its own item, read by id alone; every stage change also lands as an
 * event on its ticket's timeline. The register lists a store's cases by creation (ULID) order,
 * all of them or those in one status.
 */
export const repairCaseEntity = /* @__PURE__ */ defineEntity<RepairCase>({
  tag: 'repair_case',
  about:
    'A repair case (on site, mail-in or parts) with its warranty and stages; the register per store, by status.',
  key: { pk: 'T#{tenantId}#REPAIR#{id}', sk: 'REPAIR' },
  views: {
    byStoreStatus: { pk: 'T#{tenantId}#STORE#{storeId}#REPAIRS#{status}', sk: '{id}' },
    byStore: { pk: 'T#{tenantId}#STORE#{storeId}#REPAIRS', sk: '{id}' },
  },
});

/** The case's one timer: remind the assignee of a stalled stage (a quote unanswered, a parcel awaited). */
export const repairTimerKey = (tenantId: string, repairId: string) => timerKey(tenantId, repairId, 'stall');

/** The tenant's repair price list (维修价目表), one versioned item; absent means the empty list. */
export const repairPriceListEntity = /* @__PURE__ */ defineEntity<RepairPriceList>({
  tag: 'repair_price_list',
  about: "The tenant's repair price list: labour and parts in fen, the inspection fee; versioned.",
  key: { pk: 'T#{tenantId}', sk: 'REPAIR_PRICE_LIST' },
});
