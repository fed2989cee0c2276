import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ScheduledEvent } from 'aws-lambda';
import { currentTime } from '../../shared/time/clock';
import { queueConsumers, scheduledFunctions, type TimerQueueName } from '../../shared/timers/functions';
import { dueShards } from '../../shared/timers/keys';
import { registerTimerQueue } from '../../shared/timers/queue';
import { dueTimers } from '../../shared/timers/repository';
import type { SweepResult } from '../../shared/timers/sweeper';
import { buildLambdaContext } from './events';
import { LocalQueueDriver, type QueueConsumerHandler } from './queue-driver';

export interface TimerRuntime {
  readonly queues: LocalQueueDriver;
  /** One sweeper run, as EventBridge would trigger it; never beside another sweep. */
  sweep(): Promise<SweepResult>;
  /**
   * Sweeps and delivers until nothing due by the current clock is left anywhere: no timer in
   * the due index, no message whose delay or visibility has ended, no consumer still working.
   * What a clock change waits for, so the caller can assert every effect right after.
   */
  settle(): Promise<void>;
  stop(): void;
}

/** Work that did not come to rest; the clock endpoint reports it instead of pretending. */
export class UnsettledTimerWork extends Error {
  constructor(
    readonly rounds: number,
    readonly pendingDeliveries: number,
    readonly stillMoving: boolean,
  ) {
    super(
      `timer work did not settle after ${rounds} rounds: ${pendingDeliveries} deliveries owed, ` +
        `${stillMoving ? 'timers still being claimed or delivered' : 'timers still due'}`,
    );
    this.name = 'UnsettledTimerWork';
  }
}

/** Each round makes progress (a due timer is claimed or parked, a message delivered); this only stops a runaway. */
const maxSettleRounds = 500;

const load = async <T>(repoRoot: string, file: string, name = 'handler') =>
  ((await import(pathToFileURL(resolve(repoRoot, file)).href)) as Record<string, T>)[name] as T;

/** Whether any shard of the due index holds a timer due (or whose lease ended) by `now`. */
async function anyTimerDue(now: Date): Promise<boolean> {
  const horizon = now.toISOString();
  const shards = await Promise.all(
    Array.from({ length: dueShards }, (_, shard) => dueTimers(shard, horizon, 1)),
  );
  return shards.some((entries) => entries.length > 0);
}

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
  const sweepOnce = () =>
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

  // One sweep (or settle) at a time, as drains are: a settle must never look at the table
  // while another sweep holds a claim it has not sent yet.
  let turn: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    waiting++;
    const run = turn.then(work, work).finally(() => waiting--);
    turn = run.catch(() => undefined);
    return run;
  };

  const sweep = () => inTurn(sweepOnce);
  const settle = () =>
    inTurn(async () => {
      for (let round = 1; round <= maxSettleRounds; round++) {
        const receivedBefore = queues.receives;
        const swept = await sweepOnce();
        await queues.drain();
        // Due work only moves table → (sweep) → queue → consumer → table. Holding the sweep
        // turn stops the first step, so if the queue owes nothing now, the table read after it
        // sees everything that is left. A round that moved anything (here or in a drain beside
        // it) is followed by another, so the last sweep also claims what its consumers scheduled
        // inside the look-ahead, as the next minute's sweep would.
        const moved = swept.dispatched > 0 || swept.parked > 0 || queues.receives !== receivedBefore;
        const now = currentTime();
        const owed = queues.pendingBy(now);
        const timersDue = moved || owed > 0 ? undefined : await anyTimerDue(now);
        if (timersDue === false) return;
        if (round === maxSettleRounds) throw new UnsettledTimerWork(round, owed, moved);
      }
    });

  const timers: NodeJS.Timeout[] = [];
  if (options.intervals !== false) {
    const { sweepMs, drainMs } = options.intervals ?? { sweepMs: 10_000, drainMs: 500 };
    const report = (error: unknown) => options.log?.(`timer runtime: ${(error as Error).message}`);
    let drainWaiting = false;
    // A slow machine must not pile up ticks behind a long sweep or drain: skip while one waits.
    timers.push(
      setInterval(() => {
        if (waiting === 0) void sweep().catch(report);
      }, sweepMs).unref(),
    );
    timers.push(
      setInterval(() => {
        if (drainWaiting) return;
        drainWaiting = true;
        void queues
          .drain()
          .catch(report)
          .finally(() => {
            drainWaiting = false;
          });
      }, drainMs).unref(),
    );
  }
  return { queues, sweep, settle, stop: () => timers.forEach(clearInterval) };
}
