import type { Principal } from '../../access/principal';
import type { PutSettingsInput } from '../schema';
import { saveTenantSettings } from '../tenant-settings';
import type { TenantSettings } from '../views';

export async function putSettings(
  principal: Principal,
  input: PutSettingsInput,
  now: Date,
): Promise<TenantSettings> {
  return saveTenantSettings(principal.tenantId, input, now);
}
