import {
  _default,
  array,
  boolean,
  gte,
  type infer as Infer,
  int,
  lte,
  maxLength,
  minLength,
  optional,
  pipe,
  refine,
  strictObject,
  superRefine,
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

/**
 * Goods a store may exclude from no-reason return only when the buyer confirmed it at purchase:
 * opening affects safety or quality, value drops once activated or tried, near expiry, sold as defective.
 */
export const confirmableExclusions = [
  'opening_affects_safety',
  'value_drops_once_activated',
  'near_expiry',
  'sold_as_defective',
] as const;

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
  /** 定制: made to the buyer's order; never returnable without a reason (消保法 art. 25). */
  customMade: optional(boolean()),
  /** Exclusions from no-reason return the buyer confirmed at purchase (暂行办法 art. 7, 20). */
  confirmedExclusions: optional(array(zEnum(confirmableExclusions)).check(maxLength(4))),
  /** The after-sales rule class when the category alone does not say (e.g. a sofa's material). */
  ruleClass: optional(text(1, 60)),
  /** 赠品: given with the goods on this line (1 for the first); returned with them or charged (暂行办法 art. 12). */
  giftFor: optional(int().check(gte(1), lte(100))),
  /** A gift's marked price (事先标明的赠品价格), per unit: what is charged when it is not returned. */
  markedPrice: optional(fen),
});

/**
 * 套装: lines sold together for `discount` fen less than their prices added up (each line's
 * `amount` is what one unit paid). `sets` of them were bought: each line's quantity is a multiple.
 */
export const purchaseBundle = strictObject({
  name: text(1, 120),
  lines: array(int().check(gte(1), lte(100))).check(minLength(2), maxLength(100)),
  discount: int().check(gte(1), lte(100_000_000_00)),
  sets: _default(int().check(gte(1), lte(10_000)), 1),
});

interface BundledPurchase {
  readonly items: readonly { readonly quantity: number; readonly giftFor?: number | undefined }[];
  readonly bundles?: readonly { readonly lines: readonly number[]; readonly sets: number }[] | undefined;
}

/** Each bundle's lines exist, are not gifts, hold whole sets and are in no other bundle: every bad one named. */
const bundlesFitItems = superRefine((input: BundledPurchase, ctx) => {
  const bundleOf = new Map<number, number>();
  input.bundles?.forEach((bundle, b) => {
    bundle.lines.forEach((line, l) => {
      const item = input.items[line - 1];
      const other = bundleOf.get(line);
      if (item && other === undefined) bundleOf.set(line, b);
      const message = !item
        ? `The purchase has ${input.items.length} lines.`
        : item.giftFor !== undefined
          ? 'A gift is not part of a bundle.'
          : other !== undefined
            ? `Line ${line} is already in bundle ${other + 1}.`
            : item.quantity % bundle.sets !== 0
              ? `Line ${line} has ${item.quantity} units: not ${bundle.sets} whole sets.`
              : undefined;
      if (message) ctx.addIssue({ code: 'custom', message, path: ['bundles', b, 'lines', l], input: line });
    });
  });
});

export const createPurchaseInput = strictObject({
  customerId: ulid,
  storeId: ulid,
  /** The merchant (商户) of the store that sold, for a mall's rented counters. */
  merchantId: optional(ulid),
  orderNumber: optional(text(1, 64)),
  currency: _default(zEnum(['CNY', 'HKD', 'USD', 'EUR']), 'CNY'),
  items: array(purchaseItem).check(minLength(1), maxLength(100)),
  purchasedOn: isoDate,
  deliveredOn: optional(isoDate),
  /** 网购、电视、电话、邮购: a distance sale, where 7-day no-reason return is the law (消保法 art. 25). */
  distanceSale: optional(boolean()),
  bundles: optional(array(purchaseBundle).check(maxLength(50))),
}).check(
  bundlesFitItems,
  refine(
    (input) =>
      input.items.every(
        (item, index) =>
          item.giftFor === undefined ||
          (item.giftFor !== index + 1 && input.items[item.giftFor - 1]?.giftFor === undefined),
      ),
    { message: 'A gift names another line of the purchase, one that is not a gift.', path: ['items'] },
  ),
);
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
