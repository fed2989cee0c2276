import {
  array,
  boolean,
  gte,
  type infer as Infer,
  int,
  maxLength,
  optional,
  refine,
  strictObject,
} from 'zod/mini';
import { pageQueryFields, text, ulid } from '../schema/common';

/*
 * Departments (部门): INPUT schemas. A department belongs to one store, or to the whole tenant
 * when it names no store (a chain's quality office, its legal department). What the API returns
 * is in ./views.ts.
 */

const distinct = (ids: readonly string[]) => new Set(ids).size === ids.length;
/** Staff directory ids; a department lists its people once each. */
const members = array(ulid).check(
  maxLength(50),
  refine(distinct, { message: 'Each member is listed once.' }),
);

export const createDepartmentInput = strictObject({
  /** The store the department works in; absent for a tenant-wide department (admins only). */
  storeId: optional(ulid),
  name: text(1, 60),
  description: optional(text(1, 500)),
  members: optional(members),
  /** 服务中心: takes the store's after-sales of exited merchants' goods (a store's department only). */
  serviceCenter: optional(boolean()),
}).check(
  refine((input) => !input.serviceCenter || input.storeId !== undefined, {
    message: 'A service center is a department of a store.',
    path: ['serviceCenter'],
  }),
);
export type CreateDepartmentInput = Infer<typeof createDepartmentInput>;

export const departmentIdParams = strictObject({ departmentId: ulid });

/** Renames the department or replaces its member list; `version` is the one read. */
export const updateDepartmentInput = strictObject({
  name: optional(text(1, 60)),
  description: optional(text(1, 500)),
  members: optional(members),
  serviceCenter: optional(boolean()),
  version: int().check(gte(1)),
});
export type UpdateDepartmentInput = Infer<typeof updateDepartmentInput>;

/** A store's departments, or (without `storeId`) the tenant-wide ones. */
export const listDepartmentsQuery = strictObject({
  ...pageQueryFields,
  storeId: optional(ulid),
});
export type ListDepartmentsQuery = Infer<typeof listDepartmentsQuery>;
