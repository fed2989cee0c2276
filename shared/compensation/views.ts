import {
  array,
  type infer as Infer,
  nullable,
  number,
  optional,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { ulid } from '../schema/common';
import { approverRoles, claimStatuses, paymentMethods, putCompensationPolicyInput } from './schema';

/*
 * OUTPUT schemas of compensation claims: for types and the API description only. Runtime code
 * imports them with `import type`, so they stay out of Lambda bundles.
 */

/** One rule the approval level was chosen by: explainable, with the policy version it came from. */
const approvalLevel = strictObject({
  band: number(),
  maxAmount: nullable(number()),
  steps: array(zEnum(approverRoles)),
  policyVersion: number(),
  basis: string(),
});

const decision = strictObject({
  step: number(),
  role: zEnum(approverRoles),
  decision: zEnum(['approve', 'reject']),
  by: string(),
  byRoles: array(string()),
  amount: number(),
  reason: optional(string()),
  at: string(),
});
export type ClaimDecision = Infer<typeof decision>;

export const compensationClaim = strictObject({
  id: ulid,
  ticketId: ulid,
  ticketNumber: string(),
  storeId: ulid,
  merchantId: ulid,
  merchantName: string(),
  amount: number(),
  currency: string(),
  reason: string(),
  beneficiary: strictObject({ name: string(), phone: optional(string()), account: optional(string()) }),
  status: zEnum(claimStatuses),
  approvalLevel,
  /** Every approval and the rejection, in order: with the claim, the 售后服务先行赔偿审批表. */
  decisions: array(decision),
  /** Since when the current step waits, and when its approvers are reminded. */
  waitingSince: optional(string()),
  reminderDueAt: optional(string()),
  payment: optional(
    strictObject({
      method: zEnum(paymentMethods),
      reference: string(),
      paidBy: string(),
      recordedBy: string(),
      paidAt: string(),
    }),
  ),
  /** 追偿: what the merchant's deposit covered, and what it still owes. */
  recovery: optional(
    strictObject({
      deducted: number(),
      receivable: number(),
      entryId: optional(ulid),
      by: string(),
      at: string(),
      note: optional(string()),
    }),
  ),
  /** What the merchant paid of its receivable, in order; the claim closes once they cover it. */
  settlements: optional(
    array(
      strictObject({
        amount: number(),
        method: zEnum(paymentMethods),
        reference: string(),
        note: optional(string()),
        by: string(),
        at: string(),
      }),
    ),
  ),
  createdBy: string(),
  createdAt: string(),
  updatedAt: string(),
  closedAt: optional(string()),
  version: number(),
});
export type CompensationClaim = Infer<typeof compensationClaim>;

/** The tenant's approval levels by amount (先行赔付审批权限), as saved, with its version. */
export const compensationPolicy = strictObject({
  ...putCompensationPolicyInput.def.shape,
  version: number(),
  updatedAt: optional(string()),
});
