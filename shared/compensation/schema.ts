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
import { instant, pageQueryFields, phone, sortOrder, text, ulid } from '../schema/common';

/*
 * Advance compensation (先行赔付) claims and the tenant's approval policy: INPUT schemas. What the
 * API returns is in ./views.ts.
 */

/** `recovered`: recovered from the merchant, a receivable left to settle; `closed` once covered. */
export const claimStatuses = [
  'pending_approval',
  'approved',
  'rejected',
  'paid',
  'recovered',
  'closed',
] as const;
export type ClaimStatus = (typeof claimStatuses)[number];
/** Claims that still hold the merchant's deposit (no refund while any is open). */
export const openClaimStatuses: readonly ClaimStatus[] = ['pending_approval', 'approved', 'paid'];

/** Roles that approve, lowest first; a step is approved by its role or a higher one. */
export const approverRoles = ['supervisor', 'manager', 'admin'] as const;
export type ApproverRole = (typeof approverRoles)[number];

const fenAmount = int().check(gte(1), lte(10_000_000_000));

export const createCompensationClaimInput = strictObject({
  /** The complaint or return ticket the claim is made on; the claim belongs to its store. */
  ticketId: ulid,
  /** The merchant (商户) the mall pays for and recovers from (追偿). */
  merchantId: ulid,
  /** In fen. */
  amount: fenAmount,
  reason: text(1, 2000),
  /** Who receives the payment: usually the customer. */
  beneficiary: strictObject({
    name: text(1, 80),
    phone: optional(phone),
    /** Bank account or payment handle, as the form records it. */
    account: optional(text(1, 64)),
  }),
});
export type CreateCompensationClaimInput = Infer<typeof createCompensationClaimInput>;

export const claimIdParams = strictObject({ claimId: ulid });

export const decideCompensationClaimInput = strictObject({
  decision: zEnum(['approve', 'reject']),
  reason: optional(text(1, 1000)),
  /** The version the approver read; a stale one is a version conflict. */
  version: optional(int().check(gte(1))),
}).check(
  refine((input) => input.decision !== 'reject' || input.reason !== undefined, {
    message: 'A rejection carries its reason.',
    path: ['reason'],
  }),
);
export type DecideCompensationClaimInput = Infer<typeof decideCompensationClaimInput>;

export const paymentMethods = [
  'cash',
  'bank_transfer',
  'wechat_pay',
  'alipay',
  'card_refund',
  'other',
] as const;

export const recordCompensationPaymentInput = strictObject({
  method: zEnum(paymentMethods),
  /** Voucher, transfer or transaction number. */
  reference: text(1, 64),
  /** Who paid (the cashier, 财务); the caller when absent. */
  paidBy: optional(text(1, 80)),
  version: optional(int().check(gte(1))),
});
export type RecordCompensationPaymentInput = Infer<typeof recordCompensationPaymentInput>;

export const recoverCompensationClaimInput = strictObject({
  note: optional(text(1, 500)),
  version: optional(int().check(gte(1))),
});
export type RecoverCompensationClaimInput = Infer<typeof recoverCompensationClaimInput>;

/** What the merchant paid of its receivable (应收款): the claim closes once it is covered. */
export const settleCompensationReceivableInput = strictObject({
  /** In fen; at most what is still owed. */
  amount: fenAmount,
  method: zEnum(paymentMethods),
  /** Receipt or transfer number. */
  reference: text(1, 64),
  note: optional(text(1, 500)),
  version: optional(int().check(gte(1))),
});
export type SettleCompensationReceivableInput = Infer<typeof settleCompensationReceivableInput>;

/** The 售后服务先行赔偿审批表 register: a store's claims, by creation time, optionally one status. */
export const listCompensationClaimsQuery = strictObject({
  ...pageQueryFields,
  storeId: optional(ulid),
  status: optional(zEnum(claimStatuses)),
  from: optional(instant),
  to: optional(instant),
  order: sortOrder,
});
export type ListCompensationClaimsQuery = Infer<typeof listCompensationClaimsQuery>;

const approvalBand = strictObject({
  /** Inclusive upper bound in fen; the last band has none. */
  maxAmount: optional(fenAmount),
  /** One approver per step, in order; each a different person. */
  steps: array(zEnum(approverRoles)).check(minLength(1), maxLength(3)),
});

export const putCompensationPolicyInput = strictObject({
  bands: array(approvalBand).check(
    minLength(1),
    maxLength(10),
    refine(
      (bands) =>
        bands.every((band, index) =>
          index === bands.length - 1
            ? band.maxAmount === undefined
            : band.maxAmount !== undefined && band.maxAmount > (bands[index - 1]?.maxAmount ?? 0),
        ),
      { message: 'Bands rise by maxAmount; only the last one has none (it takes every larger amount).' },
    ),
  ),
  /** A claim waiting this long on an approver reminds them. */
  reminderBusinessHours: _default(int().check(gte(1), lte(240)), 8),
  version: optional(int().check(gte(1))),
});
export type PutCompensationPolicyInput = Infer<typeof putCompensationPolicyInput>;
export type CompensationPolicy = Omit<PutCompensationPolicyInput, 'version'> & {
  version: number;
  updatedAt?: string;
};
