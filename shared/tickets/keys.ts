import { tenantPartition } from '../db/keys';

/**
 * A ticket owns a partition: the ticket item (`TICKET`) and its timeline events (`EVENT#<ulid>`),
 * so the history reads in one Query. Queue views are index keys on the ticket item:
 * gsi1 = store + status, gsi2 = store; both sorted by the ticket id, i.e. by creation time.
 */
const ticketPartition = (tenantId: string, ticketId: string) =>
  `${tenantPartition(tenantId)}#TICKET#${ticketId}`;
const storeStatusPartition = (tenantId: string, storeId: string, status: string) =>
  `${tenantPartition(tenantId)}#STORE#${storeId}#STATUS#${status}`;
const storeTicketsPartition = (tenantId: string, storeId: string) =>
  `${tenantPartition(tenantId)}#STORE#${storeId}#TICKETS`;

export const ticketKeys = {
  ticket: (tenantId: string, ticketId: string) => ({ pk: ticketPartition(tenantId, ticketId), sk: 'TICKET' }),
  event: (tenantId: string, ticketId: string, eventId: string) => ({
    pk: ticketPartition(tenantId, ticketId),
    sk: `EVENT#${eventId}`,
  }),
  queueViews: (tenantId: string, ticket: { id: string; storeId: string; status: string }) => ({
    gsi1pk: storeStatusPartition(tenantId, ticket.storeId, ticket.status),
    gsi1sk: ticket.id,
    gsi2pk: storeTicketsPartition(tenantId, ticket.storeId),
    gsi2sk: ticket.id,
  }),
  byStoreAndStatus: (tenantId: string, storeId: string, status: string) => ({
    indexName: 'gsi1' as const,
    partitionValue: storeStatusPartition(tenantId, storeId, status),
  }),
  byStore: (tenantId: string, storeId: string) => ({
    indexName: 'gsi2' as const,
    partitionValue: storeTicketsPartition(tenantId, storeId),
  }),
};
