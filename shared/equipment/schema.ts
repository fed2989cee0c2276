import { gte, type infer as Infer, int, nullable, optional, refine, strictObject } from 'zod/mini';
import { isoDate, pageQueryFields, text, ulid } from '../schema/common';

/*
 * The equipment register (设备管理表): INPUT schemas. What the API returns is in ./views.ts.
 * Issue and return dates are the store's local days; a return date needs an issue date on or before it.
 */

/** Whether the dates read in order: returned on or after issued, and never returned unissued. */
export function datesInOrder(dates: {
  readonly issuedOn?: string | null | undefined;
  readonly returnedOn?: string | null | undefined;
}): boolean {
  if (!dates.returnedOn) return true;
  return Boolean(dates.issuedOn) && (dates.issuedOn as string) <= dates.returnedOn;
}

const inOrder = { message: 'returnedOn needs an issuedOn on or before it.', path: ['returnedOn'] };

export const createEquipmentInput = strictObject({
  storeId: ulid,
  name: text(1, 80),
  model: optional(text(1, 80)),
  serialNumber: optional(text(1, 80)),
  issuedTo: optional(text(1, 80)),
  issuedOn: optional(isoDate),
  returnedOn: optional(isoDate),
  note: optional(text(1, 500)),
}).check(refine(datesInOrder, inOrder));
export type CreateEquipmentInput = Infer<typeof createEquipmentInput>;

export const equipmentIdParams = strictObject({ equipmentId: ulid });

/** Changes at the version read; `null` clears a field (issuing again clears the return date). */
export const updateEquipmentInput = strictObject({
  name: optional(text(1, 80)),
  model: optional(nullable(text(1, 80))),
  serialNumber: optional(nullable(text(1, 80))),
  issuedTo: optional(nullable(text(1, 80))),
  issuedOn: optional(nullable(isoDate)),
  returnedOn: optional(nullable(isoDate)),
  note: optional(nullable(text(1, 500))),
  version: int().check(gte(1)),
});
export type UpdateEquipmentInput = Infer<typeof updateEquipmentInput>;

export const listEquipmentQuery = strictObject({ ...pageQueryFields, storeId: ulid });
export type ListEquipmentQuery = Infer<typeof listEquipmentQuery>;
