import {
  array,
  boolean,
  type infer as Infer,
  nullable,
  number,
  optional,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { conditionFacts, returnStatuses } from '../after-sales/schema';
import { claimStatuses, paymentMethods } from '../compensation/schema';
import {
  claimKinds,
  complaintCategories,
  complaintStatuses,
  feedbackMethods,
  respondentKinds,
  validities,
} from '../complaints/schema';
import { attemptOutcomes, revisitKinds, revisitStatuses } from '../revisits/schema';
import { ulid } from '../schema/common';

/*
 * OUTPUT schemas of the registers (登记表) as JSON: the same lines the CSV and XLSX carry under
 * Chinese headers. Times are `YYYY-MM-DD HH:mm` in the store's zone; money in fen (the files show
 * 元). Runtime code imports this module with `import type` only.
 */

const storeFields = { storeId: ulid, storeCode: string(), storeName: string(), timezone: string() };
const periodFields = { ...storeFields, from: string(), to: string() };

/** One line of the 无理由退货处理单 register: a return or exchange case. */
export const returnRegisterLine = strictObject({
  returnId: ulid,
  ticketId: ulid,
  ticketNumber: optional(string()),
  registeredAt: string(),
  customerName: optional(string()),
  customerPhone: optional(string()),
  orderNumber: optional(string()),
  purchasedOn: optional(string()),
  deliveredOn: optional(string()),
  items: array(strictObject({ line: number(), name: string(), quantity: number(), paid: number() })),
  kind: zEnum(['return', 'exchange']),
  reason: zEnum(['no_reason', 'quality_problem']),
  description: string(),
  condition: conditionFacts,
  /** What the rules allowed (or an override granted). */
  allowedOutcomes: array(zEnum(['refund', 'exchange', 'repair', 'refused'])),
  outcome: optional(zEnum(['refund', 'exchange', 'repair', 'refused'])),
  overrideReason: optional(string()),
  refusal: optional(string()),
  refundLimit: number(),
  refundAmount: optional(number()),
  refundMethod: optional(string()),
  refundReference: optional(string()),
  /** 经办人: who registered the case; 审批人: who approved a refund above the threshold. */
  registeredBy: string(),
  approvedBy: optional(string()),
  status: zEnum(returnStatuses),
  finishedAt: optional(string()),
});
export type ReturnRegisterLine = Infer<typeof returnRegisterLine>;

export const returnRegisterPage = strictObject({
  ...periodFields,
  items: array(returnRegisterLine),
  cursor: nullable(string()),
});
export type ReturnRegisterPage = Infer<typeof returnRegisterPage>;

/** One local day of the 无理由退货处理汇总表 (or the period's total), from the store-day aggregates. */
export const returnSummaryRow = strictObject({
  day: string(),
  opened: number(),
  returns: number(),
  exchanges: number(),
  noReason: number(),
  qualityProblem: number(),
  finished: number(),
  refunded: number(),
  exchanged: number(),
  repaired: number(),
  refused: number(),
  /** Fen refunded that day. */
  refundedAmount: number(),
  overrides: number(),
});
export type ReturnSummaryRow = Infer<typeof returnSummaryRow>;

export const returnSummary = strictObject({
  ...periodFields,
  days: array(returnSummaryRow),
  total: returnSummaryRow,
});
export type ReturnSummary = Infer<typeof returnSummary>;

/** One line of the 消费者投诉处理登记表. */
export const complaintRegisterLine = strictObject({
  complaintId: ulid,
  ticketNumber: string(),
  receivedAt: string(),
  channel: optional(string()),
  complainant: string(),
  phone: optional(string()),
  content: string(),
  category: zEnum(complaintCategories),
  respondentKind: zEnum(respondentKinds),
  respondent: optional(string()),
  claimKinds: array(zEnum(claimKinds)),
  claimDetail: optional(string()),
  claimAmount: optional(number()),
  validity: optional(zEnum(validities)),
  validityReason: optional(string()),
  handledBy: string(),
  findings: array(string()),
  result: optional(string()),
  remedy: optional(string()),
  remedyAmount: optional(number()),
  feedbackAt: optional(string()),
  feedbackMethod: optional(zEnum(feedbackMethods)),
  feedback: optional(string()),
  satisfaction: optional(number()),
  status: zEnum(complaintStatuses),
  closedAt: optional(string()),
});
export type ComplaintRegisterLine = Infer<typeof complaintRegisterLine>;

export const complaintRegisterPage = strictObject({
  ...periodFields,
  items: array(complaintRegisterLine),
  cursor: nullable(string()),
});
export type ComplaintRegisterPage = Infer<typeof complaintRegisterPage>;

/** One approval or the rejection of a claim, as the 审批表 records it. */
const approvalEntry = strictObject({
  role: string(),
  decision: zEnum(['approve', 'reject']),
  by: string(),
  amount: number(),
  reason: optional(string()),
  at: string(),
});

/** One line of the 售后服务先行赔偿审批表 register: a claim with its decisions, payment and recovery. */
export const compensationApprovalLine = strictObject({
  claimId: ulid,
  ticketNumber: string(),
  requestedAt: string(),
  requestedBy: string(),
  beneficiary: string(),
  beneficiaryPhone: optional(string()),
  merchantName: string(),
  reason: string(),
  claimed: number(),
  /** The amount the last approval granted, once every step approved. */
  approved: optional(number()),
  decisions: array(approvalEntry),
  status: zEnum(claimStatuses),
  paidAt: optional(string()),
  paymentMethod: optional(zEnum(paymentMethods)),
  paymentReference: optional(string()),
  paidBy: optional(string()),
  /** 追偿: deducted from the deposit, still receivable, and settled of it since. */
  deducted: optional(number()),
  receivable: optional(number()),
  settled: optional(number()),
  closedAt: optional(string()),
});
export type CompensationApprovalLine = Infer<typeof compensationApprovalLine>;

export const compensationApprovalsPage = strictObject({
  ...periodFields,
  items: array(compensationApprovalLine),
  cursor: nullable(string()),
});
export type CompensationApprovalsPage = Infer<typeof compensationApprovalsPage>;

/** One line of the 回访登记表: a revisit due in the period. */
export const revisitRegisterLine = strictObject({
  revisitId: ulid,
  dueAt: string(),
  kind: zEnum(revisitKinds),
  purpose: zEnum(['call', 'home_visit']),
  customerName: optional(string()),
  customerPhone: optional(string()),
  ticketNumber: optional(string()),
  note: optional(string()),
  assigneeName: optional(string()),
  attempts: number(),
  lastAttemptAt: optional(string()),
  lastOutcome: optional(zEnum(attemptOutcomes)),
  /** Who made the calls, in order, each named once. */
  calledBy: array(string()),
  comment: optional(string()),
  satisfaction: optional(number()),
  status: zEnum(revisitStatuses),
  /** When the revisit was done, failed or cancelled. */
  finishedAt: optional(string()),
  followUp: boolean(),
});
export type RevisitRegisterLine = Infer<typeof revisitRegisterLine>;

export const revisitRegisterPage = strictObject({
  ...periodFields,
  items: array(revisitRegisterLine),
  cursor: nullable(string()),
});
export type RevisitRegisterPage = Infer<typeof revisitRegisterPage>;
