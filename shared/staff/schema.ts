import {
  array,
  email,
  type infer as Infer,
  maxLength,
  minLength,
  number,
  optional,
  refine,
  strictObject,
  string,
  trim,
} from 'zod/mini';
import { pageQueryFields, phone, text, ulid } from '../schema/common';
import { staffRoleSchema } from './roles';

const distinct = <T>(values: readonly T[]) => new Set(values).size === values.length;

export const createStaffInput = strictObject({
  name: text(1, 80),
  roles: array(staffRoleSchema).check(minLength(1), maxLength(6), refine(distinct, 'Roles must not repeat.')),
  storeIds: array(ulid).check(maxLength(50), refine(distinct, 'Stores must not repeat.')),
  /** The identity provider's subject (`sub`) of this person, linking tokens to the directory. */
  userId: optional(string().check(trim(), minLength(1), maxLength(128))),
  phone: optional(phone),
  email: optional(email()),
});
export type CreateStaffInput = Infer<typeof createStaffInput>;

export const listStaffQuery = strictObject({ ...pageQueryFields, storeId: optional(ulid) });

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
