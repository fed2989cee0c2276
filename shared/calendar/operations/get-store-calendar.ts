import type { Principal } from '../../access/principal';
import { storeOfCaller } from '../../stores/store-access';
import { resolveCalendar } from '../repository';
import type { BusinessCalendar } from '../views';

/** The calendar that governs a store's SLA clocks: its own, the tenant default, or 7×24. */
export async function getStoreCalendar(principal: Principal, storeId: string): Promise<BusinessCalendar> {
  const store = await storeOfCaller(principal, storeId);
  return resolveCalendar(principal.tenantId, store);
}
