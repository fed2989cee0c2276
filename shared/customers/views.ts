import {
  array,
  boolean,
  type infer as Infer,
  number,
  optional,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { ulid } from '../schema/common';
import { purchaseBundle, purchaseItem, purchaseStatuses } from './schema';

/**
 * Customers and purchases as the API returns them: output schemas, for types and the OpenAPI document. Runtime code imports this
 * module only with `import type`, so these schemas stay out of Lambda bundles.
 */

export const customer = strictObject({
  id: ulid,
  name: optional(string()),
  phone: string(),
  memberId: optional(string()),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type Customer = Infer<typeof customer>;

export const purchase = strictObject({
  id: ulid,
  customerId: ulid,
  storeId: ulid,
  /** The merchant (商户) of the store that sold. */
  merchantId: optional(ulid),
  orderNumber: optional(string()),
  currency: string(),
  items: array(purchaseItem),
  totalAmount: number(),
  purchasedOn: string(),
  deliveredOn: optional(string()),
  distanceSale: optional(boolean()),
  bundles: optional(array(purchaseBundle)),
  status: zEnum(purchaseStatuses),
  statusReason: optional(string()),
  createdBy: string(),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type Purchase = Infer<typeof purchase>;
