import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../shared/observability/logger';
import { recordStreamFailures } from '../../shared/observability/metrics';
import { changeEventsOf } from '../../shared/stream/events';
import { currentTime } from '../../shared/time/clock';
import { fanOutChange } from '../../shared/webhooks/fan-out';

/**
 * The change stream → webhook deliveries. Records in order; at the first that fails, it and
 * everything after it are reported (ReportBatchItemFailures: the source retries from there), so
 * no later record is handled before an earlier one. Idempotent: deliveries are conditional puts.
 */
export const handler = async (
  event: DynamoDBStreamEvent,
  _context: Context,
): Promise<DynamoDBBatchResponse> => {
  for (const record of event.Records) {
    try {
      for (const change of changeEventsOf(record)) await fanOutChange(change, currentTime());
    } catch (error) {
      logger.error('webhook fan-out failed', { error, sequenceNumber: record.dynamodb?.SequenceNumber });
      const response = { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      recordStreamFailures('webhookFanOut', response);
      return response;
    }
  }
  return { batchItemFailures: [] };
};
