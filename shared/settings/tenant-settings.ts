import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  _default,
  gte,
  type infer as Infer,
  int,
  lte,
  number,
  optional,
  strictObject,
  string,
} from 'zod/mini';
import { documentClient, tableName } from '../db/client';
import { tenantPartition } from '../db/keys';
import { putVersioned } from '../db/versioned';

/** Tenant-wide settings; absent means the defaults. */
export const tenantSettingsInput = strictObject({
  /** How long after resolving a ticket the customer may still have it reopened. */
  reopenWindowDays: _default(int().check(gte(0), lte(365)), 7),
  /** The version read; omit only when the tenant has never saved settings. */
  version: optional(int().check(gte(1))),
});
export type TenantSettingsInput = Infer<typeof tenantSettingsInput>;

export const tenantSettings = strictObject({
  reopenWindowDays: number(),
  updatedAt: optional(string()),
  version: number(),
});
export type TenantSettings = Infer<typeof tenantSettings>;

export const defaultTenantSettings: TenantSettings = { reopenWindowDays: 7, version: 0 };

const settingsKey = (tenantId: string) => ({ pk: tenantPartition(tenantId), sk: 'SETTINGS' });

export async function readTenantSettings(tenantId: string): Promise<TenantSettings> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: settingsKey(tenantId) }),
  );
  return Item
    ? {
        reopenWindowDays: Item.reopenWindowDays as number,
        updatedAt: Item.updatedAt as string,
        version: Item.version as number,
      }
    : defaultTenantSettings;
}

export async function saveTenantSettings(
  tenantId: string,
  input: TenantSettingsInput,
  now: Date,
): Promise<TenantSettings> {
  const expected = input.version ?? 0;
  const saved: TenantSettings = {
    reopenWindowDays: input.reopenWindowDays,
    updatedAt: now.toISOString(),
    version: expected + 1,
  };
  await putVersioned(settingsKey(tenantId), 'tenant_settings', saved, expected, 'settings');
  return saved;
}
