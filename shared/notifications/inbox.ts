import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
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
import { documentClient, tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { withoutKeys } from '../db/entity';
import { tenantPartition } from '../db/keys';
import { queryEntities } from '../db/query';
import type { TransactionItem } from '../db/transactions';
import { notFound } from '../errors';
import { pageQueryFields, ulid } from '../schema/common';

/**
 * A staff member's inbox (`T#<t>#STAFF#<staffId>#INBOX` / `N#<ulid>`), newest first. Entries are
 * written in the same transaction as the change they announce. The SLA and revisit work adds
 * its own kinds.
 */
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
]);
export type Notification = Infer<typeof notification>;

export const listNotificationsQuery = strictObject({
  ...pageQueryFields,
  unread: optional(zEnum(['true', 'false'])),
});
export const notificationIdParams = strictObject({ notificationId: ulid });

const inboxPartition = (tenantId: string, staffId: string) =>
  `${tenantPartition(tenantId)}#STAFF#${staffId}#INBOX`;

export function notificationWrite(tenantId: string, entry: Notification): TransactionItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        pk: inboxPartition(tenantId, entry.staffId),
        sk: `N#${entry.id}`,
        entity: 'notification',
        ...entry,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function listInbox(
  tenantId: string,
  staffId: string,
  query: { limit: number; cursor?: string | undefined; unread?: 'true' | 'false' | undefined },
): Promise<Page<Notification>> {
  const page = await queryEntities<Notification>({
    partitionValue: inboxPartition(tenantId, staffId),
    sortKeyPrefix: 'N#',
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

export async function markRead(tenantId: string, staffId: string, notificationId: string, now: Date) {
  try {
    const { Attributes } = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: inboxPartition(tenantId, staffId), sk: `N#${notificationId}` },
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
