import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../../shared/observability/logger';
import { fireRevisitTimer } from '../../shared/revisits/timers';
import { currentTime } from '../../shared/time/clock';
import { timerMessage } from '../../shared/timers/schema';

const processor = new BatchProcessor(EventType.SQS);

/** One revisit coming due per message; malformed messages fail every time and end in the DLQ. */
async function revisitDue(record: SQSRecord): Promise<void> {
  const message = timerMessage.parse(JSON.parse(record.body));
  const outcome = await fireRevisitTimer(message, currentTime());
  logger.info('revisit timer', {
    outcome,
    timer: `${message.pk}/${message.sk}`,
    generation: message.generation,
  });
}

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, revisitDue, processor, { context });
