import type { Principal } from '../../access/principal';
import { saveCalendar } from '../repository';
import type { BusinessCalendarInput } from '../schema';

export async function putTenantCalendar(principal: Principal, input: BusinessCalendarInput, now: Date) {
  return { ...(await saveCalendar(principal.tenantId, undefined, input, now)), source: 'tenant' };
}
