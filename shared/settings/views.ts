import { type infer as Infer, number, optional, strictObject, string } from 'zod/mini';

/**
 * Tenant settings as the API returns them: output schemas, for types and the OpenAPI document. Runtime code imports this
 * module only with `import type`, so these schemas stay out of Lambda bundles.
 */

export const tenantSettings = strictObject({
  reopenWindowDays: number(),
  updatedAt: optional(string()),
  version: number(),
});
export type TenantSettings = Infer<typeof tenantSettings>;
