import { array, type infer as Infer, nullable, number, optional, strictObject, string } from 'zod/mini';
import { ulid } from '../schema/common';

/*
 * OUTPUT schemas of the equipment register (设备管理表): for types and the API description only.
 * Runtime code imports them with `import type`, so they stay out of Lambda bundles.
 */

export const equipment = strictObject({
  id: ulid,
  storeId: ulid,
  /** 设备名称 */
  name: string(),
  /** 型号 */
  model: optional(string()),
  /** 序列号 */
  serialNumber: optional(string()),
  /** 领用人: who holds it now, absent while it is in the desk's keeping. */
  issuedTo: optional(string()),
  /** 领用日期 (the store's local day) */
  issuedOn: optional(string()),
  /** 归还日期 */
  returnedOn: optional(string()),
  note: optional(string()),
  createdBy: string(),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type Equipment = Infer<typeof equipment>;

export const equipmentPage = strictObject({ items: array(equipment), cursor: nullable(string()) });
