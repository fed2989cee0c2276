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
import { pageQueryFields, ulid } from '../schema/common';

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
]);
export type Notification = Infer<typeof notification>;

export const listNotificationsQuery = strictObject({
  ...pageQueryFields,
  unread: optional(zEnum(['true', 'false'])),
});
export type ListNotificationsQuery = Infer<typeof listNotificationsQuery>;

export const notificationIdParams = strictObject({ notificationId: ulid });
