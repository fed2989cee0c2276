import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../../shared/observability/logger';
import { currentTime } from '../../shared/time/clock';
import { timerQueue } from '../../shared/timers/queue';
import { type SweepResult, sweepDueTimers } from '../../shared/timers/sweeper';

/** Every minute (EventBridge in AWS; an interval and every clock change locally). */
export const handler = async (_event: ScheduledEvent): Promise<SweepResult> => {
  const result = await sweepDueTimers(currentTime(), timerQueue());
  if (result.dispatched > 0 || result.parked > 0) logger.info('sweep', { ...result });
  return result;
};
