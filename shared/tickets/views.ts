import {
  array,
  boolean,
  type infer as Infer,
  literal,
  nullable,
  number,
  optional,
  strictObject,
  string,
  union,
  unknown,
  enum as zEnum,
} from 'zod/mini';
import { ulid } from '../schema/common';
import { ticketChannels, ticketPriority, ticketStatus, ticketType } from '../schema/ticket-vocabulary';
import { slaClocks } from '../sla/schema';
import { ticketSla } from '../sla/views';
import { ticketContact } from './schema';

/**
 * The ticket and its timeline as the API returns them: output schemas, for types and the OpenAPI document. Runtime code imports this
 * module only with `import type`, so these schemas stay out of Lambda bundles.
 */

export const ticket = strictObject({
  id: ulid,
  number: string(),
  storeId: ulid,
  type: ticketType,
  channel: zEnum(ticketChannels),
  priority: ticketPriority,
  status: ticketStatus,
  subject: string(),
  description: string(),
  contact: optional(ticketContact),
  customerId: optional(ulid),
  purchaseId: optional(ulid),
  assigneeId: nullable(ulid),
  /** The assignee's identity (token subject), so they may move their own tickets. */
  assigneeUserId: optional(string()),
  firstRespondedAt: optional(string()),
  resolvedAt: optional(string()),
  resolution: optional(string()),
  closedAt: optional(string()),
  cancelledAt: optional(string()),
  reopenCount: number(),
  /** The revisit whose low score opened this ticket. */
  revisitId: optional(ulid),
  /** The 回访 scheduled when this ticket was resolved. */
  postServiceRevisitId: optional(ulid),
  /** Response and resolution promises, when an SLA policy matched. */
  sla: optional(ticketSla),
  createdBy: string(),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type Ticket = Infer<typeof ticket>;

const eventBase = { id: ulid, ticketId: ulid, actorId: string(), at: string() };

/** One append-only line of a ticket's history: who did what, when. */
export const timelineEvent = union([
  strictObject({ ...eventBase, kind: literal('created'), number: string() }),
  strictObject({
    ...eventBase,
    kind: literal('assigned'),
    from: nullable(ulid),
    to: ulid,
    auto: boolean(),
    note: optional(string()),
  }),
  strictObject({
    ...eventBase,
    kind: literal('status_changed'),
    from: ticketStatus,
    to: ticketStatus,
    reason: optional(string()),
    resolution: optional(string()),
  }),
  strictObject({
    ...eventBase,
    kind: literal('comment'),
    body: string(),
    visibility: zEnum(['internal', 'public']),
    firstResponse: boolean(),
  }),
  strictObject({
    ...eventBase,
    kind: zEnum(['sla_warning', 'sla_breached', 'sla_escalated']),
    clock: zEnum(slaClocks),
    dueAt: string(),
    level: optional(number()),
    notified: array(ulid),
  }),
  strictObject({ ...eventBase, kind: literal('linked'), revisitId: ulid }),
  /** Why the ticket went where it did: after-sales of an exited merchant's goods → the service center. */
  strictObject({
    ...eventBase,
    kind: literal('routed'),
    to: literal('service_center'),
    reason: literal('merchant_exited'),
    merchantId: ulid,
    merchantName: string(),
    /** The store's service-center departments; empty: none is marked, the store's queue takes it. */
    departmentIds: array(ulid),
  }),
  /** A step of a compensation claim (先行赔付) on this ticket, written with the claim's change. */
  strictObject({
    ...eventBase,
    kind: literal('compensation'),
    claimId: ulid,
    step: zEnum([
      'requested',
      'approval',
      'approved',
      'rejected',
      'paid',
      'recovered',
      'settled',
      'closed',
      'reminded',
    ]),
    amount: number(),
    detail: optional(string()),
    notified: optional(array(ulid)),
  }),
  /** A stage of a case recorded on the ticket (a return or exchange: decided, goods received…). */
  strictObject({
    ...eventBase,
    kind: literal('case_step'),
    caseKind: string(),
    caseId: ulid,
    step: string(),
    from: optional(string()),
    to: string(),
    note: optional(string()),
  }),
  strictObject({
    ...eventBase,
    kind: literal('updated'),
    changes: array(strictObject({ field: string(), before: unknown(), after: unknown() })),
  }),
]);
export type TimelineEvent = Infer<typeof timelineEvent>;
