import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../../shared/observability/logger';

/**
 * NO-OP PLACEHOLDER. The timer sweeper (claim due timers, send them to their queues,
 * re-dispatch expired leases) arrives with the timers issue; until then the EventBridge rule
 * and permissions exist so the wiring is proven, and this only logs that it ran.
 */
export const handler = async (event: ScheduledEvent): Promise<{ dispatched: number }> => {
  logger.debug('sweeper tick (no-op until timers land)', { time: event.time });
  return { dispatched: 0 };
};
