import {
  _default,
  array,
  boolean,
  email,
  gte,
  type infer as Infer,
  int,
  literal,
  nullable,
  number,
  optional,
  refine,
  strictObject,
  string,
  union,
  unknown,
  enum as zEnum,
} from 'zod/mini';
import { customerPhone } from '../customers/schema';
import { instant, pageQueryFields, sortOrder, text, ulid } from '../schema/common';
import { ticketChannels, ticketPriority, ticketStatus, ticketType } from '../schema/ticket-vocabulary';
import { slaClocks, ticketSla } from '../sla/schema';

export {
  type TicketPriority,
  type TicketStatus,
  type TicketType,
  ticketChannels,
  ticketPriorities,
  ticketPriority,
  ticketStatus,
  ticketStatuses,
  ticketType,
  ticketTypes,
} from '../schema/ticket-vocabulary';

/** Who to call back, as told at the desk (kept on the ticket even when a customer record exists). */
export const ticketContact = strictObject({
  name: optional(text(1, 80)),
  phone: optional(customerPhone),
  email: optional(email()),
});

/** Find the customer by phone, or register them with this ticket. */
export const ticketCustomer = strictObject({
  phone: customerPhone,
  name: optional(text(1, 80)),
  memberId: optional(text(1, 64)),
});

export const createTicketInput = strictObject({
  storeId: ulid,
  type: ticketType,
  channel: zEnum(ticketChannels),
  priority: _default(ticketPriority, 'normal'),
  subject: text(1, 200),
  description: _default(text(0, 10_000), ''),
  contact: optional(ticketContact),
  customerId: optional(ulid),
  customer: optional(ticketCustomer),
  purchaseId: optional(ulid),
}).check(
  refine((input) => !(input.customerId && input.customer), {
    message: 'Give either customerId or customer, not both.',
    path: ['customer'],
  }),
  refine((input) => !input.purchaseId || input.customerId !== undefined || input.customer !== undefined, {
    message: 'A purchase belongs to a customer: give customerId or customer too.',
    path: ['purchaseId'],
  }),
);
export type CreateTicketInput = Infer<typeof createTicketInput>;

export const ticketIdParams = strictObject({ ticketId: ulid });

/** Editable fields; `version` is the one the caller read (optimistic locking). */
export const updateTicketInput = strictObject({
  version: int().check(gte(1)),
  subject: optional(text(1, 200)),
  description: optional(text(0, 10_000)),
  priority: optional(ticketPriority),
  type: optional(ticketType),
  contact: optional(ticketContact),
});
export type UpdateTicketInput = Infer<typeof updateTicketInput>;

export const assignTicketInput = strictObject({
  assigneeId: ulid,
  version: optional(int().check(gte(1))),
  note: optional(text(1, 500)),
});
export type AssignTicketInput = Infer<typeof assignTicketInput>;

export const transitionTargets = [
  'in_progress',
  'pending_customer',
  'pending_third_party',
  'resolved',
  'closed',
  'cancelled',
] as const;

export const transitionTicketInput = strictObject({
  to: zEnum(transitionTargets),
  reason: optional(text(1, 1000)),
  /** 处理结果: what was done; required to resolve. */
  resolution: optional(text(1, 2000)),
  version: optional(int().check(gte(1))),
});
export type TransitionTicketInput = Infer<typeof transitionTicketInput>;

export const commentOnTicketInput = strictObject({
  body: text(1, 5000),
  visibility: _default(zEnum(['internal', 'public']), 'internal'),
});
export type CommentOnTicketInput = Infer<typeof commentOnTicketInput>;

export const listTicketsQuery = strictObject({
  ...pageQueryFields,
  storeId: optional(ulid),
  status: optional(ticketStatus),
  /** A staff id, or `me` for the caller's own directory entry. */
  assigneeId: optional(union([ulid, literal('me')])),
  /** With assigneeId: only tickets still open (the default), or all. */
  open: _default(zEnum(['true', 'false']), 'true'),
  customerId: optional(ulid),
  /** Creation-time range of a store's queue, both ends inclusive. */
  from: optional(instant),
  to: optional(instant),
  order: sortOrder,
});
export type ListTicketsQuery = Infer<typeof listTicketsQuery>;

export const ticketTimelineQuery = strictObject({ ...pageQueryFields });
export type TicketTimelineQuery = Infer<typeof ticketTimelineQuery>;

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
  /** A step of a compensation claim (先行赔付) on this ticket, written with the claim's change. */
  strictObject({
    ...eventBase,
    kind: literal('compensation'),
    claimId: ulid,
    step: zEnum(['requested', 'approval', 'approved', 'rejected', 'paid', 'recovered', 'closed', 'reminded']),
    amount: number(),
    detail: optional(string()),
    notified: optional(array(ulid)),
  }),
  strictObject({
    ...eventBase,
    kind: literal('updated'),
    changes: array(strictObject({ field: string(), before: unknown(), after: unknown() })),
  }),
]);
export type TimelineEvent = Infer<typeof timelineEvent>;
