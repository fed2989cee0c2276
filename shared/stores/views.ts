import { array, type infer as Infer, number, optional, strictObject, string, enum as zEnum } from 'zod/mini';
import { phone, text, timeZone, ulid } from '../schema/common';
import { ticketType } from '../schema/ticket-vocabulary';
import { frontOfficeSettings } from './front-office-settings';
import { storeCode, storeKinds } from './schema';

/**
 * A store as the API returns it: output schemas, for types and the OpenAPI document. Runtime code imports this
 * module only with `import type`, so these schemas stay out of Lambda bundles.
 */

/** A store as the API returns it (and as the repository stores it, less the keys). */
export const store = strictObject({
  id: ulid,
  code: storeCode,
  name: text(1, 120),
  kind: zEnum(storeKinds),
  timezone: timeZone,
  address: optional(text(1, 300)),
  phone: optional(phone),
  autoDispatchTypes: array(ticketType),
  frontOffice: optional(frontOfficeSettings),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type Store = Infer<typeof store>;
