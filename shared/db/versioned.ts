import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { conflict } from '../errors';
import { documentClient, tableName } from './client';

/**
 * Saves a tenant's settings-like item (settings, calendars, SLA policies, revisit rules) with
 * optimistic locking: `readVersion` 0 means "nobody saved one yet". A stale version is a 409.
 */
export async function putVersioned(
  key: { pk: string; sk: string },
  entity: string,
  fields: Record<string, unknown> & { version: number },
  readVersion: number,
  what: string,
): Promise<void> {
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...key, entity, ...fields },
        ConditionExpression: readVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :read',
        ...(readVersion === 0 ? {} : { ExpressionAttributeValues: { ':read': readVersion } }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw conflict(
        'version_conflict',
        `The ${what} changed since it was read (or exists already: send its version).`,
      );
    }
    throw error;
  }
}
