import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { versionConflict } from '../errors';
import { documentClient, tableName } from './client';
import { GetCommand, PutCommand, type TransactWriteItem } from './document';
import { type Entity, withoutKeys } from './entity';

/*
 * Reads and writes of one declared entity: the only place that builds Get and Put commands, so
 * every item is keyed, tagged and stripped the same way.
 */

type Values = Readonly<Record<string, unknown>>;

/** One item of a TransactWriteItems call (transactions.ts re-exports it for its callers). */
export type TransactionItem = TransactWriteItem;

/** One item by key as stored, storage attributes included (e.g. the expiry a record's reader checks). */
export async function getStoredItem<T>(
  entity: Entity<T>,
  values: Values,
  options: { consistent?: boolean } = {},
): Promise<Record<string, unknown> | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableName,
      Key: entity.key(values),
      ConsistentRead: options.consistent ?? true,
    }),
  );
  return Item;
}

/** One item by key, without its storage attributes; strongly consistent unless asked otherwise. */
export async function getEntity<T>(
  entity: Entity<T>,
  values: Values,
  options: { consistent?: boolean } = {},
): Promise<T | undefined> {
  const item = await getStoredItem(entity, values, options);
  return item ? withoutKeys<T>(item) : undefined;
}

export interface WriteCondition {
  readonly expression: string;
  readonly names?: Readonly<Record<string, string>>;
  readonly values?: Readonly<Record<string, unknown>>;
}

/** Only if no item has this key yet. */
export const isNew: WriteCondition = { expression: 'attribute_not_exists(pk)' };

/** Only if the stored item is still at the version that was read (0: none was stored yet). */
export const atVersion = (readVersion: number): WriteCondition =>
  readVersion === 0 ? isNew : { expression: 'version = :read', values: { ':read': readVersion } };

/** A transaction item putting the entity's item, keys and views derived from its declaration. */
export function putEntity<T extends object>(
  entity: Entity<T>,
  tenantId: string,
  fields: T,
  condition?: WriteCondition,
): TransactionItem {
  return {
    Put: {
      TableName: tableName,
      Item: entity.item(tenantId, fields),
      ...(condition
        ? {
            ConditionExpression: condition.expression,
            ...(condition.names ? { ExpressionAttributeNames: { ...condition.names } } : {}),
            ...(condition.values ? { ExpressionAttributeValues: { ...condition.values } } : {}),
          }
        : {}),
    },
  };
}

/**
 * Saves a settings-like item (settings, calendars, SLA policies, revisit rules) with optimistic
 * locking on its own: a stale version (or a first save racing another) is the one version conflict.
 */
export async function putVersioned<T extends object & { version: number }>(
  entity: Entity<T>,
  tenantId: string,
  fields: T,
  readVersion: number,
  what: string,
): Promise<void> {
  const put = putEntity(entity, tenantId, fields, atVersion(readVersion)).Put;
  try {
    await documentClient.send(new PutCommand(put as NonNullable<typeof put>));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw versionConflict(what);
    throw error;
  }
}
