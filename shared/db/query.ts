import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { serviceDeskTable } from '../../infra/table';
import { documentClient, tableName } from './client';
import { decodeCursor, encodeCursor, type Page } from './cursor';

const tableKeys = [serviceDeskTable.partitionKey.name, serviceDeskTable.sortKey.name];

export interface PageQuery {
  /** Omit for the table itself. */
  readonly indexName?: (typeof serviceDeskTable.globalSecondaryIndexes)[number]['indexName'];
  readonly partitionValue: string;
  /** Restricts the sort key to a prefix, e.g. `STORE#`. */
  readonly sortKeyPrefix?: string;
  readonly limit: number;
  readonly cursor: string | undefined;
  readonly newestFirst?: boolean;
}

/** One page of a key-condition Query (never a Scan), with a cursor bound to this partition. */
export async function queryPage(query: PageQuery): Promise<Page<Record<string, unknown>>> {
  const index = serviceDeskTable.globalSecondaryIndexes.find((gsi) => gsi.indexName === query.indexName);
  const partitionKey = index ? index.partitionKey.name : serviceDeskTable.partitionKey.name;
  const sortKey = index ? index.sortKey.name : serviceDeskTable.sortKey.name;
  const keyAttributes = index ? [...tableKeys, partitionKey, sortKey] : tableKeys;
  const exclusiveStartKey = decodeCursor(query.cursor, {
    keyAttributes,
    partition: { attribute: partitionKey, value: query.partitionValue },
    ...(query.sortKeyPrefix ? { sortKeyPrefix: { attribute: sortKey, prefix: query.sortKeyPrefix } } : {}),
  });
  const input: QueryCommandInput = {
    TableName: tableName,
    IndexName: query.indexName,
    KeyConditionExpression: query.sortKeyPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
    ExpressionAttributeNames: query.sortKeyPrefix
      ? { '#pk': partitionKey, '#sk': sortKey }
      : { '#pk': partitionKey },
    ExpressionAttributeValues: query.sortKeyPrefix
      ? { ':pk': query.partitionValue, ':prefix': query.sortKeyPrefix }
      : { ':pk': query.partitionValue },
    Limit: query.limit,
    ScanIndexForward: !query.newestFirst,
    ExclusiveStartKey: exclusiveStartKey,
  };
  const output = await documentClient.send(new QueryCommand(input));
  return { items: output.Items ?? [], cursor: encodeCursor(output.LastEvaluatedKey) };
}
