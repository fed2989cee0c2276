import type { Page } from '../db/cursor';
import { atVersion, getEntity, isNew, putEntity } from '../db/items';
import { queryEntities } from '../db/query';
import { type CreateRemembered, type TransactionItem, writeVersioned } from '../db/transactions';
import { subjectTimerWrites } from '../timers/repository';
import { lostItemEntity, lostItemTimerKey } from './entities';
import { lostItemTimerOf } from './model';
import type { LostItem } from './views';

/**
 * The writes that store a found item: the item, and its end-of-retention timer whenever that
 * changed (scheduled with the item's version as its generation, or dropped). `firedGeneration`
 * is set by the timer's own consumer, so a duplicate delivery cannot remind twice.
 */
export function lostItemWrites(
  tenantId: string,
  item: LostItem,
  before?: LostItem,
  firedGeneration?: number,
): TransactionItem[] {
  const timer = subjectTimerWrites(
    {
      ...lostItemTimerKey(tenantId, item.id),
      tenantId,
      kind: 'lost_item',
      queue: 'revisit',
      subjectId: item.id,
      generation: item.version,
    },
    lostItemTimerOf(item),
    before ? lostItemTimerOf(before) : undefined,
    firedGeneration,
  );
  return [putEntity(lostItemEntity, tenantId, item, before ? atVersion(before.version) : isNew), ...timer];
}

export async function saveLostItems(
  tenantId: string,
  items: readonly TransactionItem[],
  remembered?: CreateRemembered,
): Promise<void> {
  await writeVersioned(tenantId, items, 'lost item', remembered);
}

export async function findLostItem(tenantId: string, id: string): Promise<LostItem | undefined> {
  return getEntity(lostItemEntity, { tenantId, id });
}

/** A store's found items in one status, soonest end of retention first. */
export async function lostItemsOfStore(
  tenantId: string,
  storeId: string,
  status: LostItem['status'],
  page: { limit: number; cursor: string | undefined },
): Promise<Page<LostItem>> {
  return queryEntities<LostItem>({
    ...lostItemEntity.view('byStoreStatus', { tenantId, storeId, status }),
    list: 'lost-items',
    filters: { storeId, status },
    ...page,
  });
}
