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
import {
  claimKinds,
  complaintCategories,
  complaintStatuses,
  feedbackMethods,
  respondentKinds,
  validities,
} from './schema';

/*
 * OUTPUT schemas of complaint cases: for types and the API description only. Runtime code
 * imports them with `import type`, so they stay out of Lambda bundles.
 */

/** One investigation task (调查): to a department or a merchant, due in the store's business time. */
export const investigationTask = strictObject({
  id: ulid,
  assignee: strictObject({ kind: zEnum(['department', 'merchant']), id: ulid, name: string() }),
  instructions: string(),
  dueInBusinessHours: number(),
  dueAt: string(),
  status: zEnum(['open', 'done']),
  findings: optional(string()),
  doneBy: optional(string()),
  doneAt: optional(string()),
  /** Overdue: escalated once to the store's supervisors (staff ids). */
  escalatedAt: optional(string()),
  escalatedTo: optional(array(ulid)),
  createdBy: string(),
  createdAt: string(),
});
export type InvestigationTask = Infer<typeof investigationTask>;

export const complaint = strictObject({
  id: ulid,
  ticketId: ulid,
  ticketNumber: string(),
  storeId: ulid,
  complainant: strictObject({ name: string(), phone: optional(string()), customerId: optional(ulid) }),
  respondent: strictObject({
    kind: zEnum(respondentKinds),
    id: optional(ulid),
    name: optional(string()),
    description: optional(string()),
  }),
  category: zEnum(complaintCategories),
  content: string(),
  claim: strictObject({
    kinds: array(zEnum(claimKinds)),
    detail: optional(string()),
    amount: optional(number()),
  }),
  receivedAt: string(),
  status: zEnum(complaintStatuses),
  judgement: optional(
    strictObject({
      validity: zEnum(validities),
      reason: string(),
      explanation: optional(string()),
      by: string(),
      at: string(),
    }),
  ),
  tasks: array(investigationTask),
  remedy: optional(
    strictObject({
      result: string(),
      remedy: string(),
      amount: optional(number()),
      by: string(),
      at: string(),
    }),
  ),
  feedback: optional(
    strictObject({ at: string(), method: zEnum(feedbackMethods), content: string(), by: string() }),
  ),
  satisfaction: optional(
    strictObject({ score: number(), comment: optional(string()), by: string(), at: string() }),
  ),
  /** The register's handler column: who recorded the case, who last worked it. */
  createdBy: string(),
  handledBy: string(),
  createdAt: string(),
  updatedAt: string(),
  closedAt: optional(string()),
  version: number(),
});
export type Complaint = Infer<typeof complaint>;

export const complaintPage = strictObject({ items: array(complaint), cursor: nullable(string()) });
