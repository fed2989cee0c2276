import { documentClient, tableName } from './client';
import { type CursorScope, decodeCursor, encodeCursor, type Page } from './cursor';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  QueryCommand,
  type QueryCommandInput,
} from './document';
import { withoutKeys } from './entity';
import { serviceDeskTable } from './table';

const tableKeys = [serviceDeskTable.partitionKey.name, serviceDeskTable.sortKey.name];

export interface PageQuery {
  /**
   * Which list this is (e.g. `tickets`) and the caller's filters as asked: with the key
   * condition and order below they make the description a cursor is bound to.
   */
  readonly list?: string;
  readonly filters?: Readonly<Record<string, unknown>>;
  /** Omit for the table itself. */
  readonly indexName?: (typeof serviceDeskTable.globalSecondaryIndexes)[number]['indexName'];
  readonly partitionValue: string;
  /** Restricts the sort key to a prefix, e.g. `STORE#`. */
  readonly sortKeyPrefix?: string;
  /** Restricts the sort key to a closed range (e.g. ULID bounds of a time range); not with a prefix. */
  readonly sortKeyBetween?: readonly [string, string];
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly newestFirst?: boolean;
}

/** One page of a key-condition Query (never a Scan), with a cursor bound to this exact query. */
export async function queryPage(query: PageQuery): Promise<Page<Record<string, unknown>>> {
  const index = serviceDeskTable.globalSecondaryIndexes.find((gsi) => gsi.indexName === query.indexName);
  const partitionKey = index ? index.partitionKey.name : serviceDeskTable.partitionKey.name;
  const sortKey = index ? index.sortKey.name : serviceDeskTable.sortKey.name;
  const keyAttributes = index ? [...tableKeys, partitionKey, sortKey] : tableKeys;
  const scope: CursorScope = {
    query: {
      list: query.list,
      filters: query.filters,
      index: query.indexName,
      partition: query.partitionValue,
      sortKeyPrefix: query.sortKeyPrefix,
      sortKeyBetween: query.sortKeyBetween,
      newestFirst: query.newestFirst === true,
    },
    keyAttributes,
    partition: { attribute: partitionKey, value: query.partitionValue },
    sortKey: { attribute: sortKey, prefix: query.sortKeyPrefix, between: query.sortKeyBetween },
  };
  const exclusiveStartKey = decodeCursor(query.cursor, scope);
  const sortCondition = query.sortKeyPrefix
    ? { expression: ' AND begins_with(#sk, :prefix)', values: { ':prefix': query.sortKeyPrefix } }
    : query.sortKeyBetween
      ? {
          expression: ' AND #sk BETWEEN :low AND :high',
          values: { ':low': query.sortKeyBetween[0], ':high': query.sortKeyBetween[1] },
        }
      : undefined;
  const input: QueryCommandInput = {
    TableName: tableName,
    IndexName: query.indexName,
    KeyConditionExpression: `#pk = :pk${sortCondition?.expression ?? ''}`,
    ExpressionAttributeNames: sortCondition
      ? { '#pk': partitionKey, '#sk': sortKey }
      : { '#pk': partitionKey },
    ExpressionAttributeValues: { ':pk': query.partitionValue, ...sortCondition?.values },
    Limit: query.limit,
    ScanIndexForward: !query.newestFirst,
    ExclusiveStartKey: exclusiveStartKey,
  };
  const output = await documentClient.send(new QueryCommand(input));
  return { items: output.Items ?? [], cursor: encodeCursor(output.LastEvaluatedKey, scope) };
}

/** A page of entities: the Query above, with the storage keys stripped from each item. */
export async function queryEntities<T>(query: PageQuery): Promise<Page<T>> {
  const page = await queryPage(query);
  return { items: page.items.map((item) => withoutKeys<T>(item)), cursor: page.cursor };
}

/**
 * Items by key (up to 100) in one BatchGetItem; keys DynamoDB leaves unprocessed under
 * throttling are asked for again. Absent items are simply missing from the result.
 */
export async function getItems(keys: readonly Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let pending: Record<string, unknown>[] | undefined = [...keys];
  for (let round = 0; pending && pending.length > 0 && round < 5; round++) {
    const output: BatchGetCommandOutput = await documentClient.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }),
    );
    items.push(...(output.Responses?.[tableName] ?? []));
    pending = output.UnprocessedKeys?.[tableName]?.Keys;
  }
  if (pending && pending.length > 0) throw new Error('DynamoDB kept keys unprocessed; retry the request');
  return items;
}

/** Every item of a small partition (a store's staff, a customer's revisits), up to `max`. */
export async function queryAll(
  query: Omit<PageQuery, 'cursor' | 'limit'>,
  max: number,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage({ ...query, limit: 100, cursor });
    items.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor && items.length < max);
  return items;
}

/**
 * How many items a key condition matches, up to `max` (Select COUNT: no item travels back; the
 * read units are those of the items counted). For summaries such as a shift handover's counts.
 */
export async function countItems(
  query: Pick<PageQuery, 'indexName' | 'partitionValue' | 'sortKeyPrefix'>,
  max: number,
): Promise<number> {
  const index = serviceDeskTable.globalSecondaryIndexes.find((gsi) => gsi.indexName === query.indexName);
  const partitionKey = index ? index.partitionKey.name : serviceDeskTable.partitionKey.name;
  const sortKey = index ? index.sortKey.name : serviceDeskTable.sortKey.name;
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const output = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: query.indexName,
        KeyConditionExpression: query.sortKeyPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
        ExpressionAttributeNames: query.sortKeyPrefix
          ? { '#pk': partitionKey, '#sk': sortKey }
          : { '#pk': partitionKey },
        ExpressionAttributeValues: {
          ':pk': query.partitionValue,
          ...(query.sortKeyPrefix ? { ':prefix': query.sortKeyPrefix } : {}),
        },
        Select: 'COUNT',
        Limit: max - count,
        ExclusiveStartKey: start,
      }),
    );
    count += output.Count ?? 0;
    start = output.LastEvaluatedKey;
  } while (start && count < max);
  return count;
}
