import {
  type infer as Infer,
  literal,
  number,
  optional,
  strictObject,
  string,
  union,
  enum as zEnum,
} from 'zod/mini';
import { ulid } from '../schema/common';

/**
 * An inbox entry as the API returns it: output schemas, for types and the OpenAPI document. Runtime code imports this
 * module only with `import type`, so these schemas stay out of Lambda bundles.
 */

/** What an inbox entry about a ticket carries; the SLA and revisit work add their own kinds. */
const ticketNotice = {
  id: ulid,
  staffId: ulid,
  ticketId: ulid,
  ticketNumber: string(),
  subject: string(),
  storeId: ulid,
  at: string(),
  readAt: optional(string()),
};

export const notification = union([
  strictObject({ ...ticketNotice, kind: literal('ticket_assigned') }),
  strictObject({
    id: ulid,
    staffId: ulid,
    kind: literal('revisit_due'),
    revisitId: ulid,
    revisitKind: string(),
    customerId: ulid,
    storeId: ulid,
    dueAt: string(),
    at: string(),
    readAt: optional(string()),
  }),
  strictObject({
    ...ticketNotice,
    kind: zEnum(['sla_warning', 'sla_breached', 'sla_escalated']),
    clock: zEnum(['first_response', 'resolution']),
    dueAt: string(),
    level: optional(number()),
  }),
  strictObject({
    id: ulid,
    staffId: ulid,
    kind: literal('merchant_hold_ended'),
    merchantId: ulid,
    merchantName: string(),
    storeId: ulid,
    holdUntil: string(),
    depositBalance: number(),
    at: string(),
    readAt: optional(string()),
  }),
  strictObject({
    id: ulid,
    staffId: ulid,
    kind: literal('compensation_approval_waiting'),
    claimId: ulid,
    ticketId: ulid,
    storeId: ulid,
    amount: number(),
    step: number(),
    waitingSince: string(),
    at: string(),
    readAt: optional(string()),
  }),
  // Front-office duties (hotel ledgers): the entry names its ledger item and the room.
  strictObject({
    id: ulid,
    staffId: ulid,
    kind: zEnum(['wake_up_due', 'wake_up_overdue', 'wake_up_visit_needed', 'wake_up_decision_needed']),
    storeId: ulid,
    wakeUpCallId: ulid,
    room: string(),
    call: number(),
    dueAt: string(),
    at: string(),
    readAt: optional(string()),
  }),
  strictObject({
    id: ulid,
    staffId: ulid,
    kind: literal('loan_overdue'),
    storeId: ulid,
    loanId: ulid,
    item: string(),
    room: optional(string()),
    dueAt: string(),
    at: string(),
    readAt: optional(string()),
  }),
  strictObject({
    id: ulid,
    staffId: ulid,
    kind: literal('lost_item_retention_ended'),
    storeId: ulid,
    lostItemId: ulid,
    description: string(),
    category: string(),
    dueAt: string(),
    at: string(),
    readAt: optional(string()),
  }),
  /** An outbound webhook subscription kept failing for 3 days and was disabled (admins are told). */
  strictObject({
    id: ulid,
    staffId: ulid,
    kind: literal('webhook_disabled'),
    subscriptionId: ulid,
    url: string(),
    failingSince: string(),
    at: string(),
    readAt: optional(string()),
  }),
]);
export type Notification = Infer<typeof notification>;
