import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../../shared/observability/logger';
import { currentTime } from '../../shared/time/clock';
import { timerMessage } from '../../shared/timers/schema';
import { fireWebhookTimer } from '../../shared/webhooks/delivery';

const processor = new BatchProcessor(EventType.SQS);

/**
 * Outbound webhook attempts, on their own queue: one attempt per message, the records of a batch
 * side by side. Malformed messages (or another timer kind) fail every time and end in the DLQ.
 */
async function webhookAttemptDue(record: SQSRecord): Promise<void> {
  const message = timerMessage.parse(JSON.parse(record.body));
  if (message.kind !== 'webhook') throw new Error(`the webhook queue carries no ${message.kind} timers`);
  const outcome = await fireWebhookTimer(message, currentTime());
  logger.info('webhook timer', {
    outcome,
    timer: `${message.pk}/${message.sk}`,
    generation: message.generation,
  });
}

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, webhookAttemptDue, processor, { context });
