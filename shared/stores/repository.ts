import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { withoutKeys } from '../db/entity';
import { getItems, queryEntities } from '../db/query';
import { ConditionFailed, type CreateRemembered, writeTransaction } from '../db/transactions';
import { conflict } from '../errors';
import { storeKeys } from './keys';
import type { Store } from './schema';

export async function insertStore(
  tenantId: string,
  store: Store,
  remembered: CreateRemembered,
): Promise<void> {
  try {
    await writeTransaction(
      tenantId,
      [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...storeKeys.codeReservation(tenantId, store.code),
              entity: 'store_code',
              storeId: store.id,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: { ...storeKeys.store(tenantId, store.id), entity: 'store', ...store },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
      remembered,
    );
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) {
      throw conflict('store_code_taken', `Another store already uses the code ${store.code}.`);
    }
    throw error;
  }
}

export async function findStore(tenantId: string, storeId: string): Promise<Store | undefined> {
  const output = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: storeKeys.store(tenantId, storeId) }),
  );
  return output.Item ? withoutKeys<Store>(output.Item) : undefined;
}

/** Up to 100 stores by id; ids of other tenants or unknown ids are simply absent. */
export async function findStores(tenantId: string, storeIds: readonly string[]): Promise<Store[]> {
  const unique = [...new Set(storeIds)];
  if (unique.length === 0) return [];
  if (unique.length > 100) throw new Error('findStores takes at most 100 ids');
  const items = await getItems(unique.map((id) => storeKeys.store(tenantId, id)));
  const found = items.map((item) => withoutKeys<Store>(item));
  return found.sort((a, b) => a.code.localeCompare(b.code));
}

export async function listStores(
  tenantId: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<Store>> {
  return queryEntities<Store>({ ...storeKeys.listPartition(tenantId), limit, cursor, list: 'stores' });
}

/** Replaces the store, conditioned on the version that was read. */
export async function replaceStore(tenantId: string, readVersion: number, store: Store): Promise<void> {
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...storeKeys.store(tenantId, store.id), entity: 'store', ...store },
        ConditionExpression: 'version = :read',
        ExpressionAttributeValues: { ':read': readVersion },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw conflict('version_conflict', 'The store changed since it was read; read it again and retry.');
    }
    throw error;
  }
}
