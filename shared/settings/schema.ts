import { _default, gte, type infer as Infer, int, lte, optional, strictObject } from 'zod/mini';

/** Tenant-wide settings; absent means the defaults. */
export const putSettingsInput = strictObject({
  /** How long after resolving a ticket the customer may still have it reopened. */
  reopenWindowDays: _default(int().check(gte(0), lte(365)), 7),
  /** The version read; omit only when the tenant has never saved settings. */
  version: optional(int().check(gte(1))),
});
export type PutSettingsInput = Infer<typeof putSettingsInput>;
