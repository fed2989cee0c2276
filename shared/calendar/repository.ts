import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client';
import { tenantPartition } from '../db/keys';
import { getItems } from '../db/query';
import { putVersioned } from '../db/versioned';
import { type BusinessCalendar, type BusinessCalendarInput, roundTheClock } from './schema';

/** A store's own calendar, else the tenant default, else 7×24; always in the store's time zone. */
const calendarKey = (tenantId: string, storeId?: string) => ({
  pk: storeId ? `${tenantPartition(tenantId)}#STORE#${storeId}` : tenantPartition(tenantId),
  sk: 'CALENDAR',
});

type StoredCalendar = Omit<BusinessCalendar, 'timezone' | 'source'>;

/** The two keys a store's calendar may be found under: its own, then the tenant default. */
export const calendarKeys = (tenantId: string, storeId: string) => [
  calendarKey(tenantId, storeId),
  calendarKey(tenantId),
];

/** The calendar that applies, from whatever of `calendarKeys` was found (pure). */
export function calendarFrom(
  items: readonly Record<string, unknown>[],
  tenantId: string,
  store: { id: string; timezone: string },
): BusinessCalendar {
  const [own, fallback] = calendarKeys(tenantId, store.id);
  const found =
    items.find((item) => item.pk === own?.pk && item.sk === 'CALENDAR') ??
    items.find((item) => item.pk === fallback?.pk && item.sk === 'CALENDAR');
  if (!found) return roundTheClock(store.timezone);
  const { pk, sk, entity, ...calendar } = found;
  return {
    ...(calendar as StoredCalendar),
    timezone: store.timezone,
    source: pk === own?.pk ? 'store' : 'tenant',
  };
}

export async function resolveCalendar(
  tenantId: string,
  store: { id: string; timezone: string },
): Promise<BusinessCalendar> {
  return calendarFrom(await getItems(calendarKeys(tenantId, store.id)), tenantId, store);
}

export async function saveCalendar(
  tenantId: string,
  storeId: string | undefined,
  input: BusinessCalendarInput,
  now: Date,
): Promise<StoredCalendar> {
  const expected = input.version ?? 0;
  const saved: StoredCalendar = {
    weekly: input.weekly,
    holidays: [...new Set(input.holidays ?? [])].sort(),
    makeUpWorkingDays: [...new Set(input.makeUpWorkingDays ?? [])].sort(),
    ...(input.makeUpDayHours ? { makeUpDayHours: input.makeUpDayHours } : {}),
    updatedAt: now.toISOString(),
    version: expected + 1,
  };
  await putVersioned(calendarKey(tenantId, storeId), 'calendar', saved, expected, 'calendar');
  return saved;
}

/** The tenant default as stored, or 7×24 hours (zone-less: each store applies its own). */
export async function readTenantCalendar(tenantId: string): Promise<StoredCalendar & { source: string }> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: calendarKey(tenantId) }),
  );
  if (!Item) {
    const { timezone: _zone, ...hours } = roundTheClock('UTC');
    return hours as StoredCalendar & { source: string };
  }
  const { pk, sk, entity, ...calendar } = Item;
  return { ...(calendar as StoredCalendar), source: 'tenant' };
}
