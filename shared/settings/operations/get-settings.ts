import type { Principal } from '../../access/principal';
import type { TenantSettings } from '../schema';
import { readTenantSettings } from '../tenant-settings';

export async function getSettings(principal: Principal): Promise<TenantSettings> {
  return readTenantSettings(principal.tenantId);
}
