import { tenantPartition } from '../db/keys';
import { isOpen } from './lifecycle';
import type { Ticket } from './schema';

/**
 * A ticket owns a partition: the ticket item (`TICKET`) and its timeline events (`EVENT#<ulid>`),
 * so the history reads in one Query. Queue views are sparse index keys on the ticket item, all
 * sorted by the ticket id (a ULID, i.e. by creation time):
 *   byStoreStatus store + status · byStore store · byAssignee assignee, open first · byCustomer customer
 * The per-store-per-day number counter (`TICKET_SEQ#<day>`, reserved by atomic ADD) and the
 * day's number register (`TICKET_NO#<day>#<seq>`: the ticket that holds a number, or the number's
 * void entry) live in the store partition.
 */
const ticketPartition = (tenantId: string, ticketId: string) =>
  `${tenantPartition(tenantId)}#TICKET#${ticketId}`;
const storePartition = (tenantId: string, storeId: string) => `${tenantPartition(tenantId)}#STORE#${storeId}`;
const storeStatusPartition = (tenantId: string, storeId: string, status: string) =>
  `${storePartition(tenantId, storeId)}#STATUS#${status}`;
const storeTicketsPartition = (tenantId: string, storeId: string) =>
  `${storePartition(tenantId, storeId)}#TICKETS`;
const assigneePartition = (tenantId: string, staffId: string) =>
  `${tenantPartition(tenantId)}#ASSIGNEE#${staffId}`;
const customerTicketsPartition = (tenantId: string, customerId: string) =>
  `${tenantPartition(tenantId)}#CUSTOMER#${customerId}#TICKETS`;

export const ticketKeys = {
  ticket: (tenantId: string, ticketId: string) => ({ pk: ticketPartition(tenantId, ticketId), sk: 'TICKET' }),
  event: (tenantId: string, ticketId: string, eventId: string) => ({
    pk: ticketPartition(tenantId, ticketId),
    sk: `EVENT#${eventId}`,
  }),
  timeline: (tenantId: string, ticketId: string) => ({
    partitionValue: ticketPartition(tenantId, ticketId),
    sortKeyPrefix: 'EVENT#',
  }),
  numberCounter: (tenantId: string, storeId: string, day: string) => ({
    pk: storePartition(tenantId, storeId),
    sk: `TICKET_SEQ#${day}`,
  }),
  numberEntry: (tenantId: string, storeId: string, day: string, sequence: number) => ({
    pk: storePartition(tenantId, storeId),
    // Zero-padded so the register reads in number order.
    sk: `TICKET_NO#${day}#${String(sequence).padStart(6, '0')}`,
  }),
  numberRegister: (tenantId: string, storeId: string, day: string) => ({
    partitionValue: storePartition(tenantId, storeId),
    sortKeyPrefix: `TICKET_NO#${day}#`,
  }),
  queueViews: (tenantId: string, ticket: Ticket) => ({
    sspk: storeStatusPartition(tenantId, ticket.storeId, ticket.status),
    sssk: ticket.id,
    stpk: storeTicketsPartition(tenantId, ticket.storeId),
    stsk: ticket.id,
    ...(ticket.assigneeId
      ? {
          aspk: assigneePartition(tenantId, ticket.assigneeId),
          assk: `${isOpen(ticket.status) ? 'OPEN' : 'DONE'}#${ticket.id}`,
        }
      : {}),
    ...(ticket.customerId
      ? { cupk: customerTicketsPartition(tenantId, ticket.customerId), cusk: ticket.id }
      : {}),
  }),
  byStoreAndStatus: (tenantId: string, storeId: string, status: string) => ({
    indexName: 'byStoreStatus' as const,
    partitionValue: storeStatusPartition(tenantId, storeId, status),
  }),
  byStore: (tenantId: string, storeId: string) => ({
    indexName: 'byStore' as const,
    partitionValue: storeTicketsPartition(tenantId, storeId),
  }),
  byAssignee: (tenantId: string, staffId: string, openOnly: boolean) => ({
    indexName: 'byAssignee' as const,
    partitionValue: assigneePartition(tenantId, staffId),
    ...(openOnly ? { sortKeyPrefix: 'OPEN#' } : {}),
  }),
  byCustomer: (tenantId: string, customerId: string) => ({
    indexName: 'byCustomer' as const,
    partitionValue: customerTicketsPartition(tenantId, customerId),
  }),
};
