import {
  array,
  extend,
  type infer as Infer,
  maxLength,
  nullable,
  number,
  omit,
  optional,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { ulid } from '../schema/common';
import { attemptOutcomes, putRevisitRulesInput, revisitKinds, revisitStatuses } from './schema';

/**
 * A revisit as the API returns it: output schemas, for types and the OpenAPI document. Runtime code imports this
 * module only with `import type`, so these schemas stay out of Lambda bundles.
 */

const attempt = strictObject({
  at: string(),
  by: string(),
  outcome: zEnum(attemptOutcomes),
  satisfaction: optional(number()),
  comment: optional(string()),
});

/** The revisit's own history: a handful of lines, kept on the item. */
const historyEntry = strictObject({
  at: string(),
  by: string(),
  what: zEnum([
    'scheduled',
    'assigned',
    'due',
    'attempt',
    'rescheduled',
    'follow_up_opened',
    'done',
    'failed',
    'cancelled',
  ]),
  ticketId: optional(ulid),
  detail: optional(string()),
});
export type RevisitHistoryEntry = Infer<typeof historyEntry>;

export const revisit = strictObject({
  id: ulid,
  customerId: ulid,
  storeId: ulid,
  kind: zEnum(revisitKinds),
  purpose: zEnum(['call', 'home_visit']),
  purchaseId: optional(ulid),
  ticketId: optional(ulid),
  note: optional(string()),
  dueAt: string(),
  status: zEnum(revisitStatuses),
  assigneeId: nullable(ulid),
  attempts: array(attempt),
  satisfaction: optional(number()),
  followUpTicketId: optional(ulid),
  history: array(historyEntry).check(maxLength(50)),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type Revisit = Infer<typeof revisit>;

/** The tenant's revisit rules (回访规则) with every default filled in; `version` 0 while on the defaults. */
export const revisitRules = extend(omit(putRevisitRulesInput, { version: true }), {
  version: number(),
  updatedAt: optional(string()),
});
