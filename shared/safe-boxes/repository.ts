import { tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { atVersion, getEntity, isNew, putEntity } from '../db/items';
import { queryEntities } from '../db/query';
import {
  ConditionFailed,
  type CreateRemembered,
  type TransactionItem,
  writeTransaction,
} from '../db/transactions';
import { conflict, versionConflict } from '../errors';
import { safeBoxEntity, safeBoxNumberEntity } from './entities';
import type { SafeBox } from './views';

/**
 * The writes that store a card: the box number's reservation when that changes (taken first at
 * opening, so a box in use is condition 0; released at closing, only if still this card's), and
 * the card itself.
 */
export function safeBoxWrites(tenantId: string, box: SafeBox, before?: SafeBox): TransactionItem[] {
  const reservation = { storeId: box.storeId, boxNumber: box.boxNumber, safeBoxId: box.id };
  const card = putEntity(safeBoxEntity, tenantId, box, before ? atVersion(before.version) : isNew);
  if (!before) return [putEntity(safeBoxNumberEntity, tenantId, reservation, isNew), card];
  if (before.status === 'open' && box.status === 'closed') {
    return [
      {
        Delete: {
          TableName: tableName,
          Key: safeBoxNumberEntity.key({ tenantId, ...reservation }),
          ConditionExpression: 'safeBoxId = :id',
          ExpressionAttributeValues: { ':id': box.id },
        },
      },
      card,
    ];
  }
  return [card];
}

/** Saves a card's writes; on a new card, condition 0 is the box: in use is a 409, nothing written. */
export async function saveSafeBox(
  tenantId: string,
  box: SafeBox,
  items: readonly TransactionItem[],
  remembered?: CreateRemembered,
): Promise<void> {
  try {
    await writeTransaction(tenantId, items, remembered);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0 && box.version === 1) {
      throw conflict('safe_box_in_use', `Box ${box.boxNumber} is already open for a guest; close it first.`);
    }
    if (error instanceof ConditionFailed) throw versionConflict('safe box');
    throw error;
  }
}

export async function findSafeBox(tenantId: string, id: string): Promise<SafeBox | undefined> {
  return getEntity(safeBoxEntity, { tenantId, id });
}

/** A store's cards in one status, oldest opening first. */
export async function safeBoxesOfStore(
  tenantId: string,
  storeId: string,
  status: SafeBox['status'],
  page: { limit: number; cursor: string | undefined },
): Promise<Page<SafeBox>> {
  return queryEntities<SafeBox>({
    ...safeBoxEntity.view('byStoreStatus', { tenantId, storeId, status }),
    list: 'safe-boxes',
    filters: { storeId, status },
    ...page,
  });
}
