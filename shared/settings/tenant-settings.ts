import { getEntity, putVersioned } from '../db/items';
import { settingsEntity } from './entities';
import type { PutSettingsInput } from './schema';
import type { TenantSettings } from './views';

export const defaultTenantSettings: TenantSettings = { reopenWindowDays: 7, version: 0 };

export async function readTenantSettings(tenantId: string): Promise<TenantSettings> {
  return (await getEntity(settingsEntity, { tenantId }, { consistent: false })) ?? defaultTenantSettings;
}

export async function saveTenantSettings(
  tenantId: string,
  input: PutSettingsInput,
  now: Date,
): Promise<TenantSettings> {
  const expected = input.version ?? 0;
  const saved: TenantSettings = {
    reopenWindowDays: input.reopenWindowDays,
    updatedAt: now.toISOString(),
    version: expected + 1,
  };
  await putVersioned(settingsEntity, tenantId, saved, expected, 'settings');
  return saved;
}
