import type { Principal } from '../../access/principal';
import type { PutSettingsInput, TenantSettings } from '../schema';
import { saveTenantSettings } from '../tenant-settings';

export async function putSettings(
  principal: Principal,
  input: PutSettingsInput,
  now: Date,
): Promise<TenantSettings> {
  return saveTenantSettings(principal.tenantId, input, now);
}
