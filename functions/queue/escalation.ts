import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../../shared/observability/logger';
import { fireSlaTimer } from '../../shared/tickets/sla-timers';
import { currentTime } from '../../shared/time/clock';
import { timerMessage } from '../../shared/timers/schema';

const processor = new BatchProcessor(EventType.SQS);

/** One SLA step per message; a malformed message fails every time and ends in the DLQ. */
async function fireTimer(record: SQSRecord): Promise<void> {
  const message = timerMessage.parse(JSON.parse(record.body));
  const outcome = await fireSlaTimer(message, currentTime());
  logger.info('sla timer', { outcome, timer: `${message.pk}/${message.sk}`, generation: message.generation });
}

/** Partial batch failures: only the records that failed go back to the queue. */
export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, fireTimer, processor, { context });
