import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { queryPage } from '../db/query';
import { withoutKeys } from '../db/transactions';
import { ticketKeys } from './keys';
import type { Ticket, TimelineEvent } from './schema';

/** The ticket and its first timeline event land together or not at all. */
export async function insertTicket(tenantId: string, ticket: Ticket, created: TimelineEvent): Promise<void> {
  await documentClient.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...ticketKeys.ticket(tenantId, ticket.id),
              ...ticketKeys.queueViews(tenantId, ticket),
              entity: 'ticket',
              ...ticket,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: {
              ...ticketKeys.event(tenantId, ticket.id, created.id),
              entity: 'ticket_event',
              ...created,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    }),
  );
}

export async function findTicket(tenantId: string, ticketId: string): Promise<Ticket | undefined> {
  const output = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: ticketKeys.ticket(tenantId, ticketId) }),
  );
  return output.Item ? withoutKeys<Ticket>(output.Item) : undefined;
}

export async function listTicketsOfStore(
  tenantId: string,
  query: {
    storeId: string;
    status?: string | undefined;
    limit: number;
    cursor?: string | undefined;
    newestFirst: boolean;
  },
): Promise<Page<Ticket>> {
  const view = query.status
    ? ticketKeys.byStoreAndStatus(tenantId, query.storeId, query.status)
    : ticketKeys.byStore(tenantId, query.storeId);
  const page = await queryPage({
    ...view,
    limit: query.limit,
    cursor: query.cursor,
    newestFirst: query.newestFirst,
  });
  return { items: page.items.map((item) => withoutKeys<Ticket>(item)), cursor: page.cursor };
}
