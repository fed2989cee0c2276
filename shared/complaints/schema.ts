import {
  array,
  discriminatedUnion,
  gte,
  type infer as Infer,
  int,
  literal,
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
 * Complaint cases (投诉处理, the 消费者投诉处理登记表): INPUT schemas. What the API returns is in
 * ./views.ts. The flow (胖东来 handbook): record → judge validity → the departments or merchants
 * investigate → result and remedy → feedback to the customer → satisfaction → closed.
 */

export const complaintStatuses = [
  /** Recorded, waiting for the validity judgement (nothing else may happen first). */
  'registered',
  /** Valid or partly valid: investigation tasks out to departments or merchants. */
  'investigating',
  /** Result and remedy recorded: the customer is to be told. */
  'remedied',
  /** Told: waiting for the customer's satisfaction. */
  'fed_back',
  'closed',
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/** 成立 / 部分成立 / 不成立. */
export const validities = ['valid', 'partly_valid', 'not_valid'] as const;

export const respondentKinds = ['merchant', 'department', 'staff', 'product'] as const;

export const complaintCategories = [
  'product_quality',
  'service_attitude',
  'price',
  'delivery_installation',
  'after_sales',
  'safety',
  'environment',
  'other',
] as const;

/** What the customer asks for (诉求). */
export const claimKinds = [
  'refund',
  'exchange',
  'repair',
  'compensation',
  'apology',
  'explanation',
  'other',
] as const;

export const feedbackMethods = ['phone', 'in_person', 'sms', 'wechat', 'email', 'letter', 'other'] as const;

const fen = int().check(gte(0), lte(10_000_000_000));

export const createComplaintInput = strictObject({
  /** The complaint ticket (opened with createTicket, type complaint) the case is recorded on. */
  ticketId: ulid,
  complainant: strictObject({
    name: text(1, 80),
    phone: optional(phone),
    customerId: optional(ulid),
  }),
  /** Whom the complaint is about: by id (merchant, department, staff) or described (a product). */
  respondent: strictObject({
    kind: zEnum(respondentKinds),
    id: optional(ulid),
    description: optional(text(1, 200)),
  }).check(
    refine((respondent) => respondent.id !== undefined || respondent.description !== undefined, {
      message: 'Name the respondent by id or describe it.',
      path: ['description'],
    }),
  ),
  category: zEnum(complaintCategories),
  /** 投诉内容: what happened, in the customer's words. */
  content: text(1, 4000),
  claim: strictObject({
    kinds: array(zEnum(claimKinds)).check(minLength(1), maxLength(claimKinds.length)),
    detail: optional(text(1, 1000)),
    /** What the customer asks for in money, fen. */
    amount: optional(fen),
  }),
  /** When the complaint was received; now when absent. */
  receivedAt: optional(instant),
});
export type CreateComplaintInput = Infer<typeof createComplaintInput>;

export const complaintIdParams = strictObject({ complaintId: ulid });

const stepBase = { version: int().check(gte(1)) };

export const recordComplaintStepInput = discriminatedUnion('step', [
  /** 判定: valid, partly valid or not; not valid carries the explanation given to the customer. */
  strictObject({
    ...stepBase,
    step: literal('judge'),
    validity: zEnum(validities),
    reason: text(1, 2000),
    explanation: optional(text(1, 2000)),
  }).check(
    refine((input) => input.validity !== 'not_valid' || input.explanation !== undefined, {
      message: 'A complaint judged not valid records the explanation given to the customer.',
      path: ['explanation'],
    }),
  ),
  /** An investigation task to a department or a merchant, due in business hours of the store. */
  strictObject({
    ...stepBase,
    step: literal('add_task'),
    assignee: strictObject({ kind: zEnum(['department', 'merchant']), id: ulid }),
    instructions: text(1, 1000),
    dueInBusinessHours: int().check(gte(1), lte(720)),
  }),
  /** 调查结果: the task's findings; the task is done. */
  strictObject({ ...stepBase, step: literal('record_findings'), taskId: ulid, findings: text(1, 4000) }),
  /** 处理结果 and 补救: once every task is done. */
  strictObject({
    ...stepBase,
    step: literal('record_remedy'),
    result: text(1, 2000),
    remedy: text(1, 2000),
    amount: optional(fen),
  }),
  /** 反馈: when, how and what the customer was told. */
  strictObject({
    ...stepBase,
    step: literal('record_feedback'),
    at: instant,
    method: zEnum(feedbackMethods),
    content: text(1, 2000),
  }),
  /** 满意度 1–5; closes the case (and its ticket). */
  strictObject({
    ...stepBase,
    step: literal('record_satisfaction'),
    score: int().check(gte(1), lte(5)),
    comment: optional(text(1, 1000)),
  }),
]);
export type RecordComplaintStepInput = Infer<typeof recordComplaintStepInput>;
export type ComplaintStepName = RecordComplaintStepInput['step'];

/** The register (消费者投诉处理登记表): a store's complaints by period, validity and status. */
export const listComplaintsQuery = strictObject({
  ...pageQueryFields,
  storeId: optional(ulid),
  from: optional(instant),
  to: optional(instant),
  validity: optional(zEnum(validities)),
  status: optional(zEnum(complaintStatuses)),
  order: sortOrder,
});
export type ListComplaintsQuery = Infer<typeof listComplaintsQuery>;
