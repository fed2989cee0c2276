import { defineEntity } from '../db/entity';
import { timerKey } from '../timers/keys';
import type { Complaint } from './views';

/**
 * A complaint case is its own item, read by id alone; every stage lands as an event on its
 * ticket's timeline. The register (消费者投诉处理登记表) is a store's cases by creation time (ULID):
 * all, one status, one validity (judged cases only), or one validity and status. The validity
 * views use the assignee and customer index slots, which complaints have no other use for.
 */
export const complaintEntity = /* @__PURE__ */ defineEntity<Complaint>({
  tag: 'complaint',
  about:
    'a complaint case (投诉) on a complaint ticket; the register per store, by status, by validity, by both',
  key: { pk: 'T#{tenantId}#COMPLAINT#{id}', sk: 'COMPLAINT' },
  views: {
    byStore: { pk: 'T#{tenantId}#STORE#{storeId}#COMPLAINTS', sk: '{id}' },
    byStoreStatus: { pk: 'T#{tenantId}#STORE#{storeId}#COMPLAINTS#{status}', sk: '{id}' },
    byAssignee: { pk: 'T#{tenantId}#STORE#{storeId}#COMPLAINTS#V#{validity}', sk: '{id}' },
    byCustomer: { pk: 'T#{tenantId}#STORE#{storeId}#COMPLAINTS#V#{validity}#{status}', sk: '{id}' },
  },
  derive: (complaint) => ({ validity: complaint.judgement?.validity }),
  derivedFields: { validity: 'the judgement’s validity; absent (no entry) until judged' },
});

/** One complaint case per ticket: taken in the ticket's partition when the case is recorded. */
export interface TicketComplaint {
  readonly ticketId: string;
  readonly complaintId: string;
}

export const ticketComplaintEntity = /* @__PURE__ */ defineEntity<TicketComplaint>({
  tag: 'ticket_complaint',
  about: 'marks the complaint case of a ticket, written with the case: one case per ticket',
  key: { pk: 'T#{tenantId}#TICKET#{ticketId}', sk: 'COMPLAINT_CASE' },
});

/** Each open investigation task has one timer: its escalation when overdue. */
export const taskTimerKey = (tenantId: string, complaintId: string, taskId: string) =>
  timerKey(tenantId, complaintId, `task#${taskId}`);
