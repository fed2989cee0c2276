import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { fireLoanTimer } from '../../shared/lending/timers';
import { fireLostItemTimer } from '../../shared/lost-and-found/timers';
import { logger } from '../../shared/observability/logger';
import { fireRepairTimer } from '../../shared/repairs/timers';
import { fireRevisitTimer } from '../../shared/revisits/timers';
import { currentTime } from '../../shared/time/clock';
import { type TimerKind, type TimerMessage, timerMessage } from '../../shared/timers/schema';
import { fireWakeUpTimer } from '../../shared/wake-up-calls/timers';

const processor = new BatchProcessor(EventType.SQS);

type Fire = (message: TimerMessage, now: Date) => Promise<'applied' | 'stale' | 'duplicate'>;
const consumers: Partial<Record<TimerKind, Fire>> = {
  revisit: fireRevisitTimer,
  wake_up: fireWakeUpTimer,
  loan: fireLoanTimer,
  lost_item: fireLostItemTimer,
  repair_stall: fireRepairTimer,
};

/**
 * The desk's own timed work: a revisit coming due, a wake-up call's time, a lent item overdue,
 * a found item's retention over, a repair stage stalled.
 * One step per message; malformed messages (or a kind this queue does not carry) fail every
 * time and end in the DLQ.
 */
async function deskTimerDue(record: SQSRecord): Promise<void> {
  const message = timerMessage.parse(JSON.parse(record.body));
  const fire = consumers[message.kind];
  if (!fire) throw new Error(`the revisit queue carries no ${message.kind} timers`);
  const outcome = await fire(message, currentTime());
  logger.info(`${message.kind} timer`, {
    outcome,
    timer: `${message.pk}/${message.sk}`,
    generation: message.generation,
  });
}

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, deskTimerDue, processor, { context });
