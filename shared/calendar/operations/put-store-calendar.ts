import type { Principal } from '../../access/principal';
import { storeOfCaller } from '../../stores/store-access';
import { saveCalendar } from '../repository';
import type { BusinessCalendarInput } from '../schema';

export async function putStoreCalendar(
  principal: Principal,
  storeId: string,
  input: BusinessCalendarInput,
  now: Date,
) {
  const store = await storeOfCaller(principal, storeId);
  const saved = await saveCalendar(principal.tenantId, store.id, input, now);
  return { ...saved, timezone: store.timezone, source: 'store' };
}
