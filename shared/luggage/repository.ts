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
import { subjectTimerWrites } from '../timers/repository';
import { luggageEntity, luggageTagEntity, luggageTimerKey } from './entities';
import { luggageTimerOf } from './model';
import type { Luggage } from './views';

/**
 * The tag's reservation as the record's status asks: taken when it is stored (first, so a taken
 * tag is condition 0 of the transaction), released in the pick-up's transaction, only if it is
 * still this record's.
 */
function tagWrites(tenantId: string, luggage: Luggage, before?: Luggage): TransactionItem[] {
  const reservation = { storeId: luggage.storeId, tagNumber: luggage.tagNumber, luggageId: luggage.id };
  if (!before) return [putEntity(luggageTagEntity, tenantId, reservation, isNew)];
  if (before.status === 'stored' && luggage.status !== 'stored') {
    return [
      {
        Delete: {
          TableName: tableName,
          Key: luggageTagEntity.key({ tenantId, ...reservation }),
          ConditionExpression: 'luggageId = :id',
          ExpressionAttributeValues: { ':id': luggage.id },
        },
      },
    ];
  }
  return [];
}

/**
 * The writes that store a luggage record: its tag reservation when that changes, the record, and
 * its unclaimed reminder whenever that changed (scheduled with the record's version as its
 * generation, or dropped). `firedGeneration` is set by the timer's own consumer, so a duplicate
 * delivery cannot remind twice.
 */
export function luggageWrites(
  tenantId: string,
  luggage: Luggage,
  before?: Luggage,
  firedGeneration?: number,
): TransactionItem[] {
  const timer = subjectTimerWrites(
    {
      ...luggageTimerKey(tenantId, luggage.id),
      tenantId,
      kind: 'luggage',
      queue: 'revisit',
      subjectId: luggage.id,
      generation: luggage.version,
    },
    luggageTimerOf(luggage),
    before ? luggageTimerOf(before) : undefined,
    firedGeneration,
  );
  return [
    ...tagWrites(tenantId, luggage, before),
    putEntity(luggageEntity, tenantId, luggage, before ? atVersion(before.version) : isNew),
    ...timer,
  ];
}

/** Saves a record's writes; on a new record, condition 0 is the tag: taken is a 409, nothing written. */
export async function saveLuggage(
  tenantId: string,
  luggage: Luggage,
  items: readonly TransactionItem[],
  remembered?: CreateRemembered,
): Promise<void> {
  try {
    await writeTransaction(tenantId, items, remembered);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0 && luggage.version === 1) {
      throw conflict(
        'luggage_tag_taken',
        `Tag ${luggage.tagNumber} is on luggage still stored in this store; use another tag.`,
      );
    }
    if (error instanceof ConditionFailed) throw versionConflict('luggage');
    throw error;
  }
}

export async function findLuggage(tenantId: string, id: string): Promise<Luggage | undefined> {
  return getEntity(luggageEntity, { tenantId, id });
}

/** A store's luggage in one status, soonest expected pick-up first. */
export async function luggageOfStore(
  tenantId: string,
  storeId: string,
  status: Luggage['status'],
  page: { limit: number; cursor: string | undefined },
): Promise<Page<Luggage>> {
  return queryEntities<Luggage>({
    ...luggageEntity.view('byStoreStatus', { tenantId, storeId, status }),
    list: 'luggage',
    filters: { storeId, status },
    ...page,
  });
}
