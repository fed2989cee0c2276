import { defineEntity } from '../db/entity';
import type { TenantSettings } from './views';

export const settingsEntity = /* @__PURE__ */ defineEntity<TenantSettings>({
  tag: 'tenant_settings',
  about: "The tenant's settings (e.g. the reopen window); absent means the defaults.",
  key: { pk: 'T#{tenantId}', sk: 'SETTINGS' },
});
