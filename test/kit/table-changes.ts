import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { streamShards } from '../../infra/local/stream-runtime';

/** A write that landed: its key and what it did. */
export interface TableChange {
  readonly event: string;
  readonly pk: string;
  readonly sk: string;
}

/**
 * The test file's table's change stream, read as a log of every write that landed: each call of
 * `newChanges` answers what was written since the previous call. "Nothing written" checks use it
 * instead of comparing whole-tenant Scans, which grow with everything the file has written: the
 * access matrix spent three quarters of its time in them. A refused conditional write leaves no
 * record, exactly as it leaves no item.
 */
export function tableChanges() {
  // The streams client does not read AWS_ENDPOINT_URL_DYNAMODB; both talk to the same DynamoDB Local.
  const config = { endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB };
  const tables = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  let streamArn: string | undefined;
  /** Per shard: the last sequence number read, or `closed` once read to its end. */
  const read = new Map<string, string | 'closed'>();

  const shards = async (): Promise<Shard[]> => {
    if (!streamArn) {
      const { Table } = await tables.send(new DescribeTableCommand({ TableName: process.env.TABLE_NAME }));
      streamArn = Table?.LatestStreamArn;
      if (!streamArn) throw new Error(`table ${process.env.TABLE_NAME} has no stream`);
    }
    return streamShards(streams, streamArn);
  };

  const readShard = async (shardId: string): Promise<TableChange[]> => {
    const after = read.get(shardId);
    if (after === 'closed') return [];
    let iterator = (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ...(after
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
            : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      )
    ).ShardIterator;
    const changes: TableChange[] = [];
    while (iterator) {
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }),
      );
      for (const record of Records) {
        const keys = record.dynamodb?.Keys;
        changes.push({ event: record.eventName ?? '?', pk: keys?.pk?.S ?? '', sk: keys?.sk?.S ?? '' });
        const sequence = record.dynamodb?.SequenceNumber;
        if (sequence) read.set(shardId, sequence);
      }
      if (!NextShardIterator) read.set(shardId, 'closed');
      // An open shard answers an empty page once it is caught up.
      if (Records.length === 0) break;
      iterator = NextShardIterator;
    }
    return changes;
  };

  return {
    /** Everything written since the previous call (the first call reads the stream from its start). */
    async newChanges(): Promise<TableChange[]> {
      const changes: TableChange[] = [];
      // Parents before children, as DescribeStream lists them: a key's writes stay in order.
      for (const shard of await shards())
        if (shard.ShardId) changes.push(...(await readShard(shard.ShardId)));
      return changes;
    },
    close() {
      tables.destroy();
      streams.destroy();
    },
  };
}

/** The changes that touched one tenant's items (the keys `itemsOfTenant` reads). */
export const ofTenant = (changes: readonly TableChange[], tenantId: string): TableChange[] =>
  changes.filter((change) => change.pk === `T#${tenantId}` || change.pk.startsWith(`T#${tenantId}#`));
