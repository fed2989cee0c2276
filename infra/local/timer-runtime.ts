import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ScheduledEvent } from 'aws-lambda';
import { currentTime } from '../../shared/time/clock';
import { queueConsumers, scheduledFunctions, type TimerQueueName } from '../../shared/timers/functions';
import { registerTimerQueue } from '../../shared/timers/queue';
import type { SweepResult } from '../../shared/timers/sweeper';
import { buildLambdaContext } from './events';
import { LocalQueueDriver, type QueueConsumerHandler } from './queue-driver';

export interface TimerRuntime {
  readonly queues: LocalQueueDriver;
  /** One sweeper run, as EventBridge would trigger it. */
  sweep(): Promise<SweepResult>;
  /** Sweep and deliver until nothing due is left: what a clock change waits for. */
  settle(): Promise<void>;
  stop(): void;
}

const load = async <T>(repoRoot: string, file: string, name = 'handler') =>
  ((await import(pathToFileURL(resolve(repoRoot, file)).href)) as Record<string, T>)[name] as T;

/**
 * The timer half of local mode: the same sweeper and consumer modules Lambda runs, with the
 * in-process queue driver in place of SQS. `intervals` false leaves running to the caller (tests).
 */
export async function startTimerRuntime(options: {
  repoRoot: string;
  intervals?: { sweepMs: number; drainMs: number } | false;
  log?: (line: string) => void;
}): Promise<TimerRuntime> {
  const consumers: Partial<Record<TimerQueueName, QueueConsumerHandler>> = {};
  for (const consumer of Object.values(queueConsumers)) {
    consumers[consumer.queue] = await load<QueueConsumerHandler>(options.repoRoot, consumer.handler);
  }
  const queues = new LocalQueueDriver(consumers, {
    now: currentTime,
    ...(options.log ? { log: options.log } : {}),
  });
  registerTimerQueue(queues);
  const sweeper = await load<(event: ScheduledEvent, context: unknown) => Promise<SweepResult>>(
    options.repoRoot,
    scheduledFunctions.sweeper.handler,
  );
  const sweep = () =>
    sweeper(
      {
        version: '0',
        id: 'local',
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        account: '000000000000',
        time: currentTime().toISOString(),
        region: 'local',
        resources: [],
        detail: {},
      },
      buildLambdaContext('local-sweeper'),
    );
  const settle = async () => {
    for (let round = 0; round < 50; round++) {
      const swept = await sweep();
      const delivered = await queues.drain();
      if (swept.dispatched === 0 && delivered === 0) return;
    }
  };
  const timers: NodeJS.Timeout[] = [];
  if (options.intervals !== false) {
    const { sweepMs, drainMs } = options.intervals ?? { sweepMs: 10_000, drainMs: 500 };
    const report = (error: unknown) => options.log?.(`timer runtime: ${(error as Error).message}`);
    timers.push(setInterval(() => void sweep().catch(report), sweepMs).unref());
    timers.push(setInterval(() => void queues.drain().catch(report), drainMs).unref());
  }
  return { queues, sweep, settle, stop: () => timers.forEach(clearInterval) };
}
