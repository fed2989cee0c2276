import { enum as zEnum } from 'zod/mini';

/** The words of a ticket, shared by tickets, SLA policies and stores without import cycles. */
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
export type TicketType = (typeof ticketTypes)[number];
export const ticketChannels = ['phone', 'hotline', 'walk_in', 'email', 'web', 'wechat', 'app'] as const;
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];
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
export type TicketStatus = (typeof ticketStatuses)[number];

export const ticketStatus = zEnum(ticketStatuses);
export const ticketType = zEnum(ticketTypes);
export const ticketPriority = zEnum(ticketPriorities);
