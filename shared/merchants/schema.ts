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
  refine,
  strictObject,
  enum as zEnum,
} from 'zod/mini';
import { instant, isoDate, pageQueryFields, phone, text, ulid } from '../schema/common';

/*
 * Merchants (商铺经营户) of a store and their deposit (质量保证金) ledger: INPUT schemas. What the
 * API returns is in ./views.ts.
 */

export const merchantStatuses = ['admitted', 'active', 'exiting', 'exited'] as const;
export type MerchantStatus = (typeof merchantStatuses)[number];

/** 实施条例 art. 21: a closing business gives 30 days' public notice. */
export const defaultNoticeDays = 30;
/** Our default: the deposit is held 90 days after exit while after-sales claims may arrive. */
export const defaultHoldDays = 90;

/** Money in fen: a whole number, up to ¥100,000,000. */
export const fen = int().check(gte(0), lte(10_000_000_000));
const positiveFen = int().check(gte(1), lte(10_000_000_000));

/** 准入: licence checked and a copy kept; name, lease period and business scope published. */
export const createMerchantInput = strictObject({
  storeId: ulid,
  name: text(1, 120),
  /** 统一社会信用代码 / business licence number. */
  licenceNumber: text(1, 64),
  contact: strictObject({ name: text(1, 80), phone }),
  /** Business scope (经营范围), e.g. furniture, flooring. */
  categories: array(text(1, 40)).check(minLength(1), maxLength(20)),
  /** Booth or unit, e.g. `B2-018`. */
  unit: optional(text(1, 40)),
  contractStart: isoDate,
  contractEnd: isoDate,
  depositRequired: fen,
}).check(
  refine((input) => input.contractEnd >= input.contractStart, {
    message: 'The contract cannot end before it starts.',
    path: ['contractEnd'],
  }),
);
export type CreateMerchantInput = Infer<typeof createMerchantInput>;

export const merchantIdParams = strictObject({ merchantId: ulid });

export const listMerchantsQuery = strictObject({
  ...pageQueryFields,
  storeId: optional(ulid),
  status: optional(zEnum(merchantStatuses)),
});
export type ListMerchantsQuery = Infer<typeof listMerchantsQuery>;

/** admitted → active (opens), admitted/active → exiting (撤场 notice); exited only by its timer. */
export const transitionMerchantInput = strictObject({
  to: zEnum(['active', 'exiting']),
  version: int().check(gte(1)),
  /** When the public notice went up; now when absent. */
  noticeAt: optional(instant),
  noticeDays: _default(int().check(gte(1), lte(365)), defaultNoticeDays),
  holdDays: _default(int().check(gte(0), lte(730)), defaultHoldDays),
  reason: optional(text(1, 500)),
});
export type TransitionMerchantInput = Infer<typeof transitionMerchantInput>;

export const depositEntryKinds = ['deposit', 'top_up', 'deduction', 'refund'] as const;
export type DepositEntryKind = (typeof depositEntryKinds)[number];

/** Entries that take money out of the deposit. */
export const debitKinds: readonly DepositEntryKind[] = ['deduction', 'refund'];

export const recordDepositEntryInput = strictObject({
  kind: zEnum(depositEntryKinds),
  amount: positiveFen,
  /** 凭证号: the receipt or voucher number; one entry per reference, so a retry never books twice. */
  reference: text(1, 64),
  note: optional(text(1, 500)),
});
export type RecordDepositEntryInput = Infer<typeof recordDepositEntryInput>;

export const listDepositEntriesQuery = strictObject({ ...pageQueryFields });
export type ListDepositEntriesQuery = Infer<typeof listDepositEntriesQuery>;
