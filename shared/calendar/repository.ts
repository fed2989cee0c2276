import { withoutKeys } from '../db/entity';
import { getEntity, putVersioned } from '../db/items';
import { getItems } from '../db/query';
import { roundTheClock } from './business-time';
import { type StoredCalendar, storeCalendarEntity, tenantCalendarEntity } from './entities';
import type { BusinessCalendarInput } from './schema';
import type { BusinessCalendar } from './views';

/** The two keys a store's calendar may be found under: its own, then the tenant default. */
export const calendarKeys = (tenantId: string, storeId: string) => [
  storeCalendarEntity.key({ tenantId, storeId }),
  tenantCalendarEntity.key({ tenantId }),
];

/**
 * The calendar that applies, from whatever of `calendarKeys` was found (pure): the store's own,
 * else the tenant default, else 7×24; always in the store's time zone.
 */
export function calendarFrom(
  items: readonly Record<string, unknown>[],
  tenantId: string,
  store: { id: string; timezone: string },
): BusinessCalendar {
  const [own, fallback] = calendarKeys(tenantId, store.id);
  const at = (key: { pk: string; sk: string } | undefined) =>
    items.find((item) => item.pk === key?.pk && item.sk === key?.sk);
  const ownItem = at(own);
  const found = ownItem ?? at(fallback);
  if (!found) return roundTheClock(store.timezone);
  const { storeId: _store, ...calendar } = withoutKeys<StoredCalendar & { storeId?: string }>(found);
  return { ...calendar, timezone: store.timezone, source: ownItem ? 'store' : 'tenant' };
}

export async function resolveCalendar(
  tenantId: string,
  store: { id: string; timezone: string },
): Promise<BusinessCalendar> {
  return calendarFrom(await getItems(calendarKeys(tenantId, store.id)), tenantId, store);
}

/** Saves a store's calendar, or the tenant default when no store is named. */
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
  if (storeId) {
    await putVersioned(storeCalendarEntity, tenantId, { ...saved, storeId }, expected, 'calendar');
  } else {
    await putVersioned(tenantCalendarEntity, tenantId, saved, expected, 'calendar');
  }
  return saved;
}

/** The tenant default as stored, or 7×24 hours (zone-less: each store applies its own). */
export async function readTenantCalendar(tenantId: string): Promise<StoredCalendar & { source: string }> {
  const calendar = await getEntity(tenantCalendarEntity, { tenantId }, { consistent: false });
  if (!calendar) {
    const { timezone: _zone, ...hours } = roundTheClock('UTC');
    return hours as StoredCalendar & { source: string };
  }
  return { ...calendar, source: 'tenant' };
}
