import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { recordStreamFailures } from '../../shared/observability/metrics';
import { aggregateStreamRecords } from '../../shared/reports/consumer';
import { currentTime } from '../../shared/time/clock';

/** Report aggregates (报表) from the table's change stream: timeline and revisit events, each counted once. */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const response = await aggregateStreamRecords(event.Records, currentTime());
  recordStreamFailures('aggregateReports', response);
  return response;
};
