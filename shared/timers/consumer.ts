import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../observability/logger';
import { metricNames } from '../observability/metric-names';
import { metrics, recordCount, recordTimerLag } from '../observability/metrics';
import { currentTime } from '../time/clock';
import type { TimerQueueName } from './functions';
import { type TimerKind, type TimerMessage, timerMessage } from './schema';

/**
 * One timer step: `applied` when its effect happened now; `stale` when the timer moved on (a newer
 * generation, or gone); `duplicate` when a delivery before this one already applied it.
 */
export type FireTimer = (message: TimerMessage, now: Date) => Promise<'applied' | 'stale' | 'duplicate'>;

/**
 * The Lambda handler of a timer queue: one step per message, each kind to its own step function.
 * A malformed message, or a kind this queue does not carry, fails every time and ends in the DLQ;
 * only failed records go back to the queue (partial batch responses). Every applied step reports
 * its lag (fired at − due at), which the stack alarms on.
 */
export function timerQueueConsumer(queue: TimerQueueName, steps: Partial<Record<TimerKind, FireTimer>>) {
  const processor = new BatchProcessor(EventType.SQS);

  async function fireTimer(record: SQSRecord): Promise<void> {
    const message = timerMessage.parse(JSON.parse(record.body));
    const fire = steps[message.kind];
    if (!fire) throw new Error(`the ${queue} queue carries no ${message.kind} timers`);
    const now = currentTime();
    const outcome = await fire(message, now);
    if (outcome === 'applied' && message.dueAt) recordTimerLag(message.dueAt, now);
    recordCount(metricNames.timerSteps, { kind: message.kind, outcome });
    logger.info(`${message.kind} timer`, {
      outcome,
      timer: `${message.pk}/${message.sk}`,
      generation: message.generation,
      ...(message.dueAt ? { dueAt: message.dueAt } : {}),
    });
  }

  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    try {
      return await processPartialResponse(event, fireTimer, processor, { context });
    } finally {
      // Lags of the batch's applied steps, as one EMF line (the step counts went out one by one).
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}
