import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { fireClaimReminder } from '../../shared/compensation/timers';
import { fireComplaintTaskTimer } from '../../shared/complaints/timers';
import { fireMerchantTimer } from '../../shared/merchants/timers';
import { logger } from '../../shared/observability/logger';
import { fireSlaTimer } from '../../shared/tickets/sla-timers';
import { currentTime } from '../../shared/time/clock';
import { type TimerKind, type TimerMessage, timerMessage } from '../../shared/timers/schema';

const processor = new BatchProcessor(EventType.SQS);

type Fire = (message: TimerMessage, now: Date) => Promise<string>;

/** Timer kinds this queue carries, each to its consumer (the others travel on the revisit queue). */
const consumers: Partial<Record<TimerKind, Fire>> = {
  sla: fireSlaTimer,
  merchant: fireMerchantTimer,
  compensation: fireClaimReminder,
  complaint_task: fireComplaintTaskTimer,
};

/** One timer step per message; a malformed message (or a kind not carried here) ends in the DLQ. */
async function fireTimer(record: SQSRecord): Promise<void> {
  const message = timerMessage.parse(JSON.parse(record.body));
  const fire = consumers[message.kind];
  if (!fire) throw new Error(`the escalation queue carries no ${message.kind} timers`);
  const outcome = await fire(message, currentTime());
  logger.info(`${message.kind} timer`, {
    outcome,
    timer: `${message.pk}/${message.sk}`,
    generation: message.generation,
  });
}

/** Partial batch failures: only the records that failed go back to the queue. */
export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, fireTimer, processor, { context });
