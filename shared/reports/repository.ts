import { documentClient, tableName } from '../db/client';
import { PutCommand } from '../db/document';
import { getItems, queryAll } from '../db/query';
import type { Counters } from './counters';
import { counterAttribute, counterPrefix, staffDayEntity, storeDayEntity } from './entities';

/** A day's counters: the store's, and each staff member's (by identity) in that store. */
export interface DayCounts {
  readonly store: Counters;
  readonly staff: Readonly<Record<string, Counters>>;
}

export const countersOfItem = (item: Readonly<Record<string, unknown>>): Counters =>
  Object.fromEntries(
    Object.entries(item)
      .filter(([name, value]) => name.startsWith(counterPrefix) && typeof value === 'number')
      .map(([name, value]) => [name.slice(counterPrefix.length), value as number]),
  );

/** The store-day items of a range of local days (inclusive), one Query: O(days). */
export async function readStoreDays(
  tenantId: string,
  storeId: string,
  from: string,
  to: string,
): Promise<Map<string, Counters>> {
  const low = storeDayEntity.key({ tenantId, storeId, day: from });
  const high = storeDayEntity.key({ tenantId, storeId, day: to });
  const items = await queryAll({ partitionValue: low.pk, sortKeyBetween: [low.sk, high.sk] }, 400);
  return new Map(items.map((item) => [String(item.day), countersOfItem(item)]));
}

/** The staff-day items of a range of local days: O(days × staff who acted). */
export async function readStaffDays(
  tenantId: string,
  storeId: string,
  from: string,
  to: string,
): Promise<{ day: string; userId: string; counters: Counters }[]> {
  // Staff-day keys are REPORT_STAFF#<day>#<userId>: the range runs from the first day's to past the last's.
  const { pk } = storeDayEntity.key({ tenantId, storeId, day: from });
  const range: [string, string] = [`REPORT_STAFF#${from}#`, `REPORT_STAFF#${to}#\uffff`];
  const items = await queryAll({ partitionValue: pk, sortKeyBetween: range }, 20_000);
  return items.map((item) => ({
    day: String(item.day),
    userId: String(item.userId),
    counters: countersOfItem(item),
  }));
}

/** One day as the aggregates hold it. */
export async function readDayCounts(tenantId: string, storeId: string, day: string): Promise<DayCounts> {
  const [storeItem] = await getItems([storeDayEntity.key({ tenantId, storeId, day })]);
  const staff = await readStaffDays(tenantId, storeId, day, day);
  return {
    store: storeItem ? countersOfItem(storeItem) : {},
    staff: Object.fromEntries(staff.map((entry) => [entry.userId, entry.counters])),
  };
}

/** Overwrites a day's items with counts (a rebuild); staff items not in `counts` are emptied. */
export async function replaceDayCounts(
  tenantId: string,
  storeId: string,
  day: string,
  counts: DayCounts,
): Promise<void> {
  const before = await readDayCounts(tenantId, storeId, day);
  const counterFields = (counters: Counters) =>
    Object.fromEntries(Object.entries(counters).map(([name, amount]) => [counterAttribute(name), amount]));
  const puts = [
    { ...storeDayEntity.item(tenantId, { storeId, day }), ...counterFields(counts.store) },
    ...[...new Set([...Object.keys(before.staff), ...Object.keys(counts.staff)])].map((userId) => ({
      ...staffDayEntity.item(tenantId, { storeId, day, userId }),
      ...counterFields(counts.staff[userId] ?? {}),
    })),
  ];
  for (const item of puts) await documentClient.send(new PutCommand({ TableName: tableName, Item: item }));
}
