import {
  _default,
  array,
  gte,
  type infer as Infer,
  int,
  maxLength,
  optional,
  refine,
  regex,
  strictObject,
  string,
  toUpperCase,
  trim,
  enum as zEnum,
} from 'zod/mini';
import { pageQueryFields, phone, text, timeZone, ulid } from '../schema/common';
import { ticketType, ticketTypes } from '../schema/ticket-vocabulary';
import { frontOfficeSettings } from './front-office-settings';

const distinct = <T>(values: readonly T[]) => new Set(values).size === values.length;

export const storeKinds = ['mall', 'supermarket', 'hotel', 'it_site', 'repair_center', 'other'] as const;

/** Short human code used in ticket numbers, e.g. SH01 → SH01-20261126-0007. */
export const storeCode = string().check(
  trim(),
  toUpperCase(),
  regex(/^[A-Z0-9]{2,12}$/, 'Expected 2–12 letters or digits, e.g. SH01.'),
);

/** Ticket types that new tickets of this store get dispatched for automatically. */
const autoDispatchTypes = array(ticketType).check(
  maxLength(ticketTypes.length),
  refine(distinct, 'Types must not repeat.'),
);

export const createStoreInput = strictObject({
  code: storeCode,
  name: text(1, 120),
  kind: _default(zEnum(storeKinds), 'other'),
  timezone: _default(timeZone, 'Asia/Shanghai'),
  address: optional(text(1, 300)),
  phone: optional(phone),
  autoDispatchTypes: _default(autoDispatchTypes, []),
  frontOffice: optional(frontOfficeSettings),
});
export type CreateStoreInput = Infer<typeof createStoreInput>;

export const storeIdParams = strictObject({ storeId: ulid });

export const updateStoreInput = strictObject({
  version: int().check(gte(1)),
  name: optional(text(1, 120)),
  timezone: optional(timeZone),
  address: optional(text(1, 300)),
  phone: optional(phone),
  autoDispatchTypes: optional(autoDispatchTypes),
  /** Replaces the store's front-office settings as a whole (absent sections: the defaults). */
  frontOffice: optional(frontOfficeSettings),
});
export type UpdateStoreInput = Infer<typeof updateStoreInput>;

export const listStoresQuery = strictObject({ ...pageQueryFields });
export type ListStoresQuery = Infer<typeof listStoresQuery>;
