import {
  _default,
  email,
  gte,
  type infer as Infer,
  int,
  literal,
  optional,
  refine,
  strictObject,
  union,
  enum as zEnum,
} from 'zod/mini';
import { customerPhone } from '../customers/schema';
import { instant, pageQueryFields, sortOrder, text, ulid } from '../schema/common';
import { ticketChannels, ticketPriority, ticketStatus, ticketType } from '../schema/ticket-vocabulary';

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
