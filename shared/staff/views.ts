import { array, type infer as Infer, number, optional, strictObject, string } from 'zod/mini';
import { staffRoleSchema } from '../access/roles';
import { text, ulid } from '../schema/common';

/**
 * A staff member as the API returns them: output schemas, for types and the OpenAPI document. Runtime code imports this
 * module only with `import type`, so these schemas stay out of Lambda bundles.
 */

export const staffMember = strictObject({
  id: ulid,
  name: text(1, 80),
  roles: array(staffRoleSchema),
  storeIds: array(ulid),
  userId: optional(string()),
  phone: optional(string()),
  email: optional(string()),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type StaffMember = Infer<typeof staffMember>;
