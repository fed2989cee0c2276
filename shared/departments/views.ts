import {
  array,
  boolean,
  type infer as Infer,
  nullable,
  number,
  optional,
  strictObject,
  string,
} from 'zod/mini';
import { ulid } from '../schema/common';

/*
 * OUTPUT schemas of departments: for types and the API description only. Runtime code imports
 * them with `import type`, so they stay out of Lambda bundles.
 */

export const department = strictObject({
  id: ulid,
  /** Absent for a tenant-wide department. */
  storeId: optional(ulid),
  name: string(),
  description: optional(string()),
  /** Staff directory ids of the people responsible (investigations, dispatch). */
  members: array(ulid),
  /** The store's service center (服务中心): after-sales of exited merchants' goods go to its members. */
  serviceCenter: optional(boolean()),
  createdBy: string(),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type Department = Infer<typeof department>;

export const departmentPage = strictObject({ items: array(department), cursor: nullable(string()) });
