import {
  _default,
  array,
  gte,
  type infer as Infer,
  int,
  lte,
  maxLength,
  minLength,
  optional,
  pipe,
  strictObject,
  transform,
  enum as zEnum,
} from 'zod/mini';
import { isoDate, pageQueryFields, phone, text, ulid } from '../schema/common';
import { normalizePhone } from './phone';

/** A phone as typed at the desk, stored and looked up in one normal form. */
export const customerPhone = pipe(phone, transform(normalizePhone));

export const createCustomerInput = strictObject({
  name: optional(text(1, 80)),
  phone: customerPhone,
  memberId: optional(text(1, 64)),
});
export type CreateCustomerInput = Infer<typeof createCustomerInput>;

export const findCustomersQuery = strictObject({ phone: customerPhone });
export const customerIdParams = strictObject({ customerId: ulid });

/** Money in fen (minor units), as integers: no floating point near amounts. */
const fen = int().check(gte(0), lte(100_000_000_00));

export const purchaseItem = strictObject({
  name: text(1, 120),
  category: text(1, 60),
  sku: optional(text(1, 64)),
  quantity: _default(int().check(gte(1), lte(10_000)), 1),
  amount: fen,
  /** 保修期 in months from delivery (or purchase when nothing is delivered); 0 = none. */
  warrantyMonths: _default(int().check(gte(0), lte(240)), 0),
});

export const createPurchaseInput = strictObject({
  customerId: ulid,
  storeId: ulid,
  merchantId: optional(text(1, 64)),
  orderNumber: optional(text(1, 64)),
  currency: _default(zEnum(['CNY', 'HKD', 'USD', 'EUR']), 'CNY'),
  items: array(purchaseItem).check(minLength(1), maxLength(100)),
  purchasedOn: isoDate,
  deliveredOn: optional(isoDate),
});
export type CreatePurchaseInput = Infer<typeof createPurchaseInput>;

export const purchaseStatuses = ['active', 'cancelled', 'returned'] as const;

export const listCustomerPurchasesQuery = strictObject({ ...pageQueryFields });

export const closePurchaseInput = strictObject({
  status: zEnum(['cancelled', 'returned']),
  reason: text(1, 1000),
  version: optional(int().check(gte(1))),
});
export type ClosePurchaseInput = Infer<typeof closePurchaseInput>;

export const purchaseParams = strictObject({ customerId: ulid, purchaseId: ulid });
