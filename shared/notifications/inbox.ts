import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { documentClient, tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { UpdateCommand } from '../db/document';
import { withoutKeys } from '../db/entity';
import { isNew, putEntity } from '../db/items';
import { queryEntities } from '../db/query';
import type { TransactionItem } from '../db/transactions';
import { notFound } from '../errors';
import { notificationEntity } from './entities';
import type { ListNotificationsQuery } from './schema';
import type { Notification } from './views';

export type { Notification } from './views';

/** The inbox entry, for the transaction of the change it announces. */
export function notificationWrite(tenantId: string, entry: Notification): TransactionItem {
  return putEntity(notificationEntity, tenantId, entry, isNew);
}

export async function listInbox(
  tenantId: string,
  staffId: string,
  query: ListNotificationsQuery,
): Promise<Page<Notification>> {
  const page = await queryEntities<Notification>({
    ...notificationEntity.view(undefined, { tenantId, staffId }),
    list: 'notifications',
    filters: { unread: query.unread },
    limit: query.limit,
    cursor: query.cursor,
    newestFirst: true,
  });
  // A filter after the read: an inbox page is small, and unread is the common case.
  const items = query.unread === 'true' ? page.items.filter((item) => !item.readAt) : page.items;
  return { items, cursor: page.cursor };
}

/** Marks the entry read once (a second read keeps the first time); 404 when it is not in this inbox. */
export async function markRead(tenantId: string, staffId: string, notificationId: string, now: Date) {
  try {
    const { Attributes } = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: notificationEntity.key({ tenantId, staffId, id: notificationId }),
        UpdateExpression: 'SET readAt = if_not_exists(readAt, :now)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':now': now.toISOString() },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return withoutKeys<Notification>(Attributes ?? {});
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw notFound('notification');
    throw error;
  }
}
