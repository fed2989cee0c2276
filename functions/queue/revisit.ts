import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../../shared/observability/logger';
import { fireRevisitTimer } from '../../shared/revisits/timers';
import { currentTime } from '../../shared/time/clock';
import { timerMessage } from '../../shared/timers/schema';
import { fireWakeUpTimer } from '../../shared/wake-up-calls/timers';

const processor = new BatchProcessor(EventType.SQS);

/**
 * The desk's own timed work: a revisit coming due, a wake-up call's time. One step per message;
 * malformed messages fail every time and end in the DLQ.
 */
async function deskTimerDue(record: SQSRecord): Promise<void> {
  const message = timerMessage.parse(JSON.parse(record.body));
  const fire = message.kind === 'wake_up' ? fireWakeUpTimer : fireRevisitTimer;
  const outcome = await fire(message, currentTime());
  logger.info(`${message.kind} timer`, {
    outcome,
    timer: `${message.pk}/${message.sk}`,
    generation: message.generation,
  });
}

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, deskTimerDue, processor, { context });
