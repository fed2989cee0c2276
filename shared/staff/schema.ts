import {
  array,
  email,
  gte,
  type infer as Infer,
  int,
  maxLength,
  minLength,
  optional,
  refine,
  strictObject,
  string,
  trim,
} from 'zod/mini';
import { staffRoleSchema } from '../access/roles';
import { pageQueryFields, phone, text, ulid } from '../schema/common';

const subject = string().check(trim(), minLength(1), maxLength(128));

const distinct = <T>(values: readonly T[]) => new Set(values).size === values.length;

export const createStaffInput = strictObject({
  name: text(1, 80),
  roles: array(staffRoleSchema).check(minLength(1), maxLength(6), refine(distinct, 'Roles must not repeat.')),
  storeIds: array(ulid).check(maxLength(50), refine(distinct, 'Stores must not repeat.')),
  /**
   * The identity provider's subject (`sub`) of this person, linking tokens to the directory. May be
   * left out for someone who has no sign-in yet and linked later with `updateStaff`; until then
   * nothing is assigned to them.
   */
  userId: optional(subject),
  phone: optional(phone),
  email: optional(email()),
});
export type CreateStaffInput = Infer<typeof createStaffInput>;

/** Links a sign-in (once: tickets keep the subject they were given to) or edits name and contact. */
export const updateStaffInput = strictObject({
  userId: optional(subject),
  name: optional(text(1, 80)),
  phone: optional(phone),
  email: optional(email()),
  version: int().check(gte(1)),
});
export type UpdateStaffInput = Infer<typeof updateStaffInput>;

export const staffIdParams = strictObject({ staffId: ulid });

export const listStaffQuery = strictObject({ ...pageQueryFields, storeId: optional(ulid) });
export type ListStaffQuery = Infer<typeof listStaffQuery>;
