import type { Principal } from '../../access/principal';
import { readTenantSettings } from '../tenant-settings';
import type { TenantSettings } from '../views';

export async function getSettings(principal: Principal): Promise<TenantSettings> {
  return readTenantSettings(principal.tenantId);
}
