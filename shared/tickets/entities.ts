import { defineEntity } from '../db/entity';
import { isOpen } from './lifecycle';
import type { Ticket, TimelineEvent } from './views';

/*
 * A ticket owns a partition: the ticket item and its timeline events, so the history reads in
 * one Query. Queue views are sparse index keys on the ticket item, all sorted by the ticket id (a
 * ULID, i.e. by creation time). The per-store-per-day number counter and the day's number
 * register live in the store partition.
 */

export const ticketEntity = /* @__PURE__ */ defineEntity<Ticket>({
  tag: 'ticket',
  about: 'a ticket owns its partition; queue views by store + status, store, assignee (open first), customer',
  key: { pk: 'T#{tenantId}#TICKET#{id}', sk: 'TICKET' },
  views: {
    byStoreStatus: { pk: 'T#{tenantId}#STORE#{storeId}#STATUS#{status}', sk: '{id}' },
    byStore: { pk: 'T#{tenantId}#STORE#{storeId}#TICKETS', sk: '{id}' },
    byAssignee: { pk: 'T#{tenantId}#ASSIGNEE#{assigneeId}', sk: '{openness}#{id}' },
    byCustomer: { pk: 'T#{tenantId}#CUSTOMER#{customerId}#TICKETS', sk: '{id}' },
  },
  derive: (ticket) => ({ openness: isOpen(ticket.status) ? 'OPEN' : 'DONE' }),
  derivedFields: { openness: 'OPEN while the ticket is open, else DONE' },
});

export const timelineEventEntity = /* @__PURE__ */ defineEntity<TimelineEvent>({
  tag: 'ticket_event',
  about: 'append-only ticket history; same transaction as the change it records',
  key: { pk: 'T#{tenantId}#TICKET#{ticketId}', sk: 'EVENT#{id}' },
});

/** Only ever written by an atomic ADD on `seq`; the store and day are in its key alone. */
export interface TicketNumberCounter {
  readonly seq: number;
}

export const ticketNumberCounterEntity = /* @__PURE__ */ defineEntity<TicketNumberCounter>({
  tag: 'ticket_counter',
  about: 'per store and local day: the last number reserved (atomic ADD)',
  key: { pk: 'T#{tenantId}#STORE#{storeId}', sk: 'TICKET_SEQ#{day}' },
});

/** Zero-padded so the register reads in number order. */
const paddedSequence = (entry: { sequence: number }) => ({
  paddedSequence: String(entry.sequence).padStart(6, '0'),
});
const registerKey = { pk: 'T#{tenantId}#STORE#{storeId}', sk: 'TICKET_NO#{day}#{paddedSequence}' };

/** A number of the register held by a ticket; written in the ticket's own transaction. */
export interface TicketNumberHeld {
  readonly storeId: string;
  readonly day: string;
  readonly sequence: number;
  readonly number: string;
  readonly ticketId: string;
}

export const ticketNumberHeldEntity = /* @__PURE__ */ defineEntity<TicketNumberHeld>({
  tag: 'ticket_number',
  about: 'register entry of a number held by a ticket, same transaction as the ticket',
  key: registerKey,
  derive: paddedSequence,
  derivedFields: { paddedSequence: 'the sequence, 6 digits' },
});

/** A number struck out (作废): its create failed, so no ticket can ever hold it. */
export interface TicketNumberVoid {
  readonly storeId: string;
  readonly day: string;
  readonly sequence: number;
  readonly reason: string;
  readonly voidedAt: string;
}

export const ticketNumberVoidEntity = /* @__PURE__ */ defineEntity<TicketNumberVoid>({
  tag: 'ticket_number_void',
  about: 'register entry of a voided number (作废), with the reason',
  key: registerKey,
  derive: paddedSequence,
  derivedFields: { paddedSequence: 'the sequence, 6 digits' },
});
