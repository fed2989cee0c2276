import type { Principal } from '../../access/principal';
import { readTenantCalendar } from '../repository';

export async function getTenantCalendar(principal: Principal) {
  return readTenantCalendar(principal.tenantId);
}
