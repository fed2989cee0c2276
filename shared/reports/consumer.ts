import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { logger } from '../observability/logger';
import { CountingStopped, countFacts } from './aggregation';
import type { Fact } from './contributions';
import { consumedEntities, factsOfItems, StoreContexts } from './facts';

/*
 * The report aggregates' stream consumer: a batch of DynamoDB stream records (INSERT / MODIFY
 * with NewImage) → facts → counted exactly once (shared/reports/aggregation.ts). Records of other
 * item kinds, and REMOVEs, are skipped (the stream filter should not deliver them anyway).
 */

type Image = Parameters<typeof unmarshall>[0];

const consumed: ReadonlySet<string> = new Set(consumedEntities);

/**
 * Counts a batch; a failure reports the first record not fully counted (Lambda's stream
 * checkpoint), and the retry from there finds what was counted already by its markers.
 */
export async function aggregateStreamRecords(
  records: readonly DynamoDBRecord[],
  now: Date,
): Promise<DynamoDBBatchResponse> {
  const kept = records.filter((record) => record.eventName !== 'REMOVE' && record.dynamodb?.NewImage);
  const items = kept.map((record) => unmarshall(record.dynamodb?.NewImage as Image));
  const ofRecord = new Map<Fact, number>();
  let facts: Fact[] = [];
  try {
    const wanted = items.map((item) => (consumed.has(String(item.entity)) ? item : {}));
    const perRecord = await factsOfItems(wanted, new StoreContexts());
    perRecord.forEach((recordFacts, index) => {
      for (const fact of recordFacts) ofRecord.set(fact, index);
    });
    facts = perRecord.flat();
    const counted = await countFacts(facts, now);
    logger.info('report aggregates', { records: records.length, facts: facts.length, counted });
    return { batchItemFailures: [] };
  } catch (error) {
    // Everything before the first fact not counted is done; without facts yet, nothing is.
    const remaining = error instanceof CountingStopped ? error.remaining : [];
    const first = remaining.length > 0 ? Math.min(...remaining.map((fact) => ofRecord.get(fact) ?? 0)) : 0;
    logger.error('report aggregation failed', { error, records: records.length });
    const sequence = kept[first]?.dynamodb?.SequenceNumber ?? records[0]?.dynamodb?.SequenceNumber;
    return { batchItemFailures: sequence ? [{ itemIdentifier: sequence }] : [] };
  }
}
