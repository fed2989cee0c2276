import {
  _default,
  email,
  type infer as Infer,
  nullable,
  number,
  optional,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { pageQueryFields, phone, sortOrder, text, ulid } from '../schema/common';

export const ticketTypes = [
  'inquiry',
  'complaint',
  'return',
  'exchange',
  'repair',
  'installation',
  'compensation',
  'it_request',
  'other',
] as const;
export const ticketChannels = ['phone', 'hotline', 'walk_in', 'email', 'web', 'wechat', 'app'] as const;
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
/** 未处理 = new/assigned, 处理中 = in_progress/pending_*, 已解决 = resolved/closed. */
export const ticketStatuses = [
  'new',
  'assigned',
  'in_progress',
  'pending_customer',
  'pending_third_party',
  'resolved',
  'closed',
  'cancelled',
] as const;

export const ticketStatus = zEnum(ticketStatuses);

/** Who to call back, as told at the desk; linking to a customer record comes with customers. */
export const ticketContact = strictObject({
  name: optional(text(1, 80)),
  phone: optional(phone),
  email: optional(email()),
});

export const createTicketInput = strictObject({
  storeId: ulid,
  type: zEnum(ticketTypes),
  channel: zEnum(ticketChannels),
  priority: _default(zEnum(ticketPriorities), 'normal'),
  subject: text(1, 200),
  description: _default(text(0, 10_000), ''),
  contact: optional(ticketContact),
});
export type CreateTicketInput = Infer<typeof createTicketInput>;

export const ticketIdParams = strictObject({ ticketId: ulid });

export const listTicketsQuery = strictObject({
  ...pageQueryFields,
  storeId: optional(ulid),
  status: optional(ticketStatus),
  order: sortOrder,
});
export type ListTicketsQuery = Infer<typeof listTicketsQuery>;

export const ticket = strictObject({
  id: ulid,
  storeId: ulid,
  type: zEnum(ticketTypes),
  channel: zEnum(ticketChannels),
  priority: zEnum(ticketPriorities),
  status: ticketStatus,
  subject: string(),
  description: string(),
  contact: optional(ticketContact),
  assigneeId: nullable(ulid),
  createdBy: string(),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type Ticket = Infer<typeof ticket>;

/** One append-only line of a ticket's history: who did what, when. */
export const timelineEvent = strictObject({
  id: ulid,
  ticketId: ulid,
  kind: zEnum(['created']),
  actorId: string(),
  at: string(),
});
export type TimelineEvent = Infer<typeof timelineEvent>;
