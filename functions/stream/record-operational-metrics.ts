import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { recordCount } from '../../shared/observability/metrics';
import { changeEventsOf } from '../../shared/stream/events';
import { operationalCountsOf } from '../../shared/stream/operational-metrics';

/**
 * Tickets opened, SLA breaches and escalations as EMF counts, from the ticket timeline on the
 * change stream. Writes nothing but log lines, so it never fails a batch; a batch Lambda retries
 * for other reasons (a timeout) may count twice, which a dashboard tolerates and the exact
 * figures (shared/reports) do not depend on.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const totals = new Map<string, { metric: string; dimensions: Record<string, string>; count: number }>();
  for (const record of event.Records) {
    for (const change of changeEventsOf(record)) {
      for (const { metric, dimensions } of operationalCountsOf(change)) {
        const key = JSON.stringify([metric, dimensions]);
        const total = totals.get(key) ?? { metric, dimensions: { ...dimensions }, count: 0 };
        total.count += 1;
        totals.set(key, total);
      }
    }
  }
  for (const { metric, dimensions, count } of totals.values()) recordCount(metric, dimensions, count);
  return { batchItemFailures: [] };
};
