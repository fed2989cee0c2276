import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { fireClaimReminder } from '../../shared/compensation/timers';
import { fireMerchantTimer } from '../../shared/merchants/timers';
import { logger } from '../../shared/observability/logger';
import { fireSlaTimer } from '../../shared/tickets/sla-timers';
import { currentTime } from '../../shared/time/clock';
import { timerMessage } from '../../shared/timers/schema';

const processor = new BatchProcessor(EventType.SQS);

/** Timer kinds this queue carries, each to its consumer. */
const consumers = {
  sla: fireSlaTimer,
  merchant: fireMerchantTimer,
  compensation: fireClaimReminder,
} as const;

/** One timer step per message; a malformed message (or a kind not carried here) ends in the DLQ. */
async function fireTimer(record: SQSRecord): Promise<void> {
  const message = timerMessage.parse(JSON.parse(record.body));
  if (message.kind === 'revisit') throw new Error('revisit timers travel on the revisit queue');
  const outcome = await consumers[message.kind](message, currentTime());
  logger.info(`${message.kind} timer`, {
    outcome,
    timer: `${message.pk}/${message.sk}`,
    generation: message.generation,
  });
}

/** Partial batch failures: only the records that failed go back to the queue. */
export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, fireTimer, processor, { context });
