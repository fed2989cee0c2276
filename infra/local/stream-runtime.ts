import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  type ShardIteratorType,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type {
  Context,
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
  StreamRecord as LambdaStreamRecord,
} from 'aws-lambda';
import { type StreamConsumer, streamConsumers, wantsRecord } from '../../shared/stream/consumers';
import { buildLambdaContext } from './events';

/**
 * The change stream in local mode: reads DynamoDB Local's stream of the table (DescribeStream,
 * GetShardIterator, GetRecords) and calls each consumer of shared/stream/consumers.ts with the
 * `DynamoDBStreamEvent` Lambda would build, filtered as the event source mapping filters.
 *
 * Like an event source mapping, each consumer has its own position per shard. A batch whose
 * answer names failed items (ReportBatchItemFailures), or that throws, is delivered again from
 * its first failed record; after the consumer's `maxRetries` the record is logged and skipped
 * (the local stand-in for the on-failure queue), so one poisoned record cannot stop a shard.
 *
 * Restarts: with a data directory, the positions are kept in `stream-checkpoints.json` after each
 * batch a consumer accepted, and reading resumes after them; without one (in memory, or a first
 * start) reading starts at TRIM_HORIZON, the oldest record the stream holds. Either way a record
 * may be delivered twice (a stop between a batch and its checkpoint): the consumers are
 * idempotent, as in AWS, where delivery is at-least-once too.
 */
export interface StreamRuntime {
  /** Delivers every record the stream holds now to every consumer; one drain at a time. */
  drain(): Promise<void>;
  /** Records given up on, by consumer (what AWS would put in the consumer's DLQ). */
  readonly parked: ReadonlyMap<string, number>;
  stop(): void;
}

type Handler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | undefined>;

/** Per consumer, per shard: the last sequence number accepted, and whether the shard is finished. */
type Checkpoints = Record<string, Record<string, { after?: string; closed?: boolean }>>;

/** GetRecords' own ceiling. */
const recordsPerRead = 1000;

/** A record as the Lambda event carries it: the same fields, times as epoch seconds, the stream ARN. */
export function lambdaRecordOf(record: StreamRecord, streamArn: string): DynamoDBRecord {
  const data = record.dynamodb ?? {};
  const created = data.ApproximateCreationDateTime;
  return {
    ...(record.eventID ? { eventID: record.eventID } : {}),
    ...(record.eventName ? { eventName: record.eventName } : {}),
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? 'local',
    eventSourceARN: streamArn,
    dynamodb: {
      ...(data as unknown as LambdaStreamRecord),
      ...(created ? { ApproximateCreationDateTime: Math.floor(new Date(created).getTime() / 1000) } : {}),
    },
  };
}

/** Every shard of a stream, parents before their children (DescribeStream's order), page by page. */
export async function streamShards(streams: DynamoDBStreamsClient, streamArn: string): Promise<Shard[]> {
  const shards: Shard[] = [];
  let start: string | undefined;
  do {
    const { StreamDescription } = await streams.send(
      new DescribeStreamCommand({ StreamArn: streamArn, ...(start ? { ExclusiveStartShardId: start } : {}) }),
    );
    shards.push(...(StreamDescription?.Shards ?? []));
    start = StreamDescription?.LastEvaluatedShardId;
  } while (start);
  return shards;
}

export async function startStreamRuntime(options: {
  repoRoot: string;
  endpoint: string;
  tableName: string;
  /** Where the positions survive restarts; undefined starts from TRIM_HORIZON every time. */
  checkpointFile?: string;
  /** Poll interval; false leaves draining to the caller (tests, the clock endpoint). */
  pollMs?: number | false;
  log?: (line: string) => void;
}): Promise<StreamRuntime> {
  const config = { endpoint: options.endpoint };
  const tables = new DynamoDBClient(config);
  const { Table } = await tables.send(new DescribeTableCommand({ TableName: options.tableName }));
  tables.destroy();
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream (see ensureTable)`);
  const streams = new DynamoDBStreamsClient(config);

  const consumers: { name: string; consumer: StreamConsumer; handler: Handler }[] = [];
  for (const [name, consumer] of Object.entries(streamConsumers)) {
    const module = (await import(pathToFileURL(resolve(options.repoRoot, consumer.handler)).href)) as {
      handler: Handler;
    };
    consumers.push({ name, consumer, handler: module.handler });
  }

  const checkpoints: Checkpoints =
    options.checkpointFile && existsSync(options.checkpointFile)
      ? (JSON.parse(readFileSync(options.checkpointFile, 'utf8')) as Checkpoints)
      : {};
  const save = () => {
    if (options.checkpointFile) writeFileSync(options.checkpointFile, JSON.stringify(checkpoints));
  };
  const parked = new Map<string, number>();

  const allShards = () => streamShards(streams, streamArn);

  const iteratorAt = async (shardId: string, type: ShardIteratorType, sequenceNumber?: string) =>
    (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ShardIteratorType: type,
          ...(sequenceNumber ? { SequenceNumber: sequenceNumber } : {}),
        }),
      )
    ).ShardIterator;

  /** One consumer, one shard: everything after its checkpoint, batch by batch. */
  const drainShard = async (entry: (typeof consumers)[number], shardId: string) => {
    const positions = checkpoints[entry.name] ?? {};
    checkpoints[entry.name] = positions;
    const position = positions[shardId] ?? {};
    positions[shardId] = position;
    if (position.closed) return;
    let iterator = position.after
      ? await iteratorAt(shardId, 'AFTER_SEQUENCE_NUMBER', position.after)
      : await iteratorAt(shardId, 'TRIM_HORIZON');
    let failures = 0;
    while (iterator) {
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: recordsPerRead }),
      );
      let pending = Records;
      let retry = false;
      while (pending.length > 0) {
        const batch = pending.slice(0, entry.consumer.batchSize);
        const wanted = batch
          .map((record) => lambdaRecordOf(record, streamArn))
          .filter((record) => wantsRecord(entry.consumer, record));
        const firstFailed = wanted.length > 0 ? await deliver(entry, wanted) : undefined;
        if (firstFailed === undefined) {
          failures = 0;
          const last = batch.at(-1)?.dynamodb?.SequenceNumber;
          if (last) position.after = last;
          save();
          pending = pending.slice(batch.length);
          continue;
        }
        failures++;
        if (failures > entry.consumer.maxRetries) {
          // Given up on: skip just this record, as the mapping sends it to the on-failure queue.
          options.log?.(`stream: ${entry.name} gave up on record ${firstFailed} after ${failures} tries`);
          parked.set(entry.name, (parked.get(entry.name) ?? 0) + 1);
          position.after = firstFailed;
          save();
          failures = 0;
        } else {
          // Accepted up to the failed record: the next delivery starts with it.
          const index = batch.findIndex((record) => record.dynamodb?.SequenceNumber === firstFailed);
          const accepted = index > 0 ? batch[index - 1]?.dynamodb?.SequenceNumber : undefined;
          if (accepted) position.after = accepted;
          save();
        }
        retry = true;
        break;
      }
      if (retry) {
        iterator = position.after
          ? await iteratorAt(shardId, 'AFTER_SEQUENCE_NUMBER', position.after)
          : await iteratorAt(shardId, 'TRIM_HORIZON');
        continue;
      }
      if (!NextShardIterator) {
        position.closed = true;
        save();
        return;
      }
      // An open shard answers an empty page once it is caught up: done for this drain.
      if (Records.length === 0) return;
      iterator = NextShardIterator;
    }
  };

  /** Calls the handler; the sequence number to redeliver from, or undefined when all were accepted. */
  const deliver = async (
    entry: (typeof consumers)[number],
    records: DynamoDBRecord[],
  ): Promise<string | undefined> => {
    try {
      const response = await entry.handler(
        { Records: records },
        buildLambdaContext(entry.name, entry.consumer.timeoutSeconds * 1000),
      );
      const failed = new Set((response?.batchItemFailures ?? []).map((item) => item.itemIdentifier));
      if (failed.size === 0) return undefined;
      return records.find((record) => failed.has(record.dynamodb?.SequenceNumber ?? ''))?.dynamodb
        ?.SequenceNumber;
    } catch (error) {
      options.log?.(`stream: ${entry.name} failed a batch: ${(error as Error).message}`);
      return records[0]?.dynamodb?.SequenceNumber;
    }
  };

  const drainOnce = async () => {
    const shards = await allShards();
    for (const entry of consumers) {
      const closed = (shardId: string) => checkpoints[entry.name]?.[shardId]?.closed === true;
      // A shard's records precede its children's: a child waits for its parent (unless trimmed).
      const ready = (shard: Shard) =>
        !shard.ParentShardId ||
        !shards.some((other) => other.ShardId === shard.ParentShardId) ||
        closed(shard.ParentShardId);
      for (let pass = 0; pass <= shards.length; pass++) {
        const closedBefore = shards.filter((shard) => shard.ShardId && closed(shard.ShardId)).length;
        for (const shard of shards) {
          if (shard.ShardId && !closed(shard.ShardId) && ready(shard)) await drainShard(entry, shard.ShardId);
        }
        // Another pass only when a shard closed in this one (its children may start now).
        if (shards.filter((shard) => shard.ShardId && closed(shard.ShardId)).length === closedBefore) break;
      }
    }
  };

  let turn: Promise<unknown> = Promise.resolve();
  const drain = () => {
    const run = turn.then(drainOnce, drainOnce);
    turn = run.catch(() => undefined);
    return run;
  };

  let timer: NodeJS.Timeout | undefined;
  if (options.pollMs !== false) {
    let busy = false;
    timer = setInterval(() => {
      if (busy) return;
      busy = true;
      void drain()
        .catch((error: unknown) => options.log?.(`stream runtime: ${(error as Error).message}`))
        .finally(() => {
          busy = false;
        });
    }, options.pollMs ?? 500).unref();
  }
  return {
    drain,
    parked,
    stop: () => {
      if (timer) clearInterval(timer);
      streams.destroy();
    },
  };
}
