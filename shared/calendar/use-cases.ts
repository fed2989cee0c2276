import type { Principal } from '../access/principal';
import { getStore } from '../stores/use-cases';
import { readTenantCalendar, resolveCalendar, saveCalendar } from './repository';
import type { BusinessCalendarInput } from './schema';

/** The calendar that governs a store's SLA clocks: its own, the tenant default, or 7×24. */
export async function storeCalendar(principal: Principal, storeId: string) {
  const store = await getStore(principal, storeId);
  return resolveCalendar(principal.tenantId, store);
}

export async function saveStoreCalendar(
  principal: Principal,
  storeId: string,
  input: BusinessCalendarInput,
  now: Date,
) {
  const store = await getStore(principal, storeId);
  const saved = await saveCalendar(principal.tenantId, store.id, input, now);
  return { ...saved, timezone: store.timezone, source: 'store' };
}

export async function tenantCalendar(principal: Principal) {
  return readTenantCalendar(principal.tenantId);
}

export async function saveTenantCalendar(principal: Principal, input: BusinessCalendarInput, now: Date) {
  return { ...(await saveCalendar(principal.tenantId, undefined, input, now)), source: 'tenant' };
}
