import { logger } from '../observability/logger';
import { dueShards } from './keys';
import type { TimerQueuePort } from './queue';
import { maxDelaySeconds } from './queue';
import { claimTimer, dueTimers, indexTime, parkFailedTimer } from './repository';

export interface SweepOptions {
  /** Dispatch what is due within this window, with SQS's delay for the rest of the wait. */
  readonly lookaheadSeconds?: number;
  /** How long a dispatched timer may take before it is dispatched again. */
  readonly leaseSeconds?: number;
  /** After this many dispatches a timer is parked as failed (its messages are in the DLQ). */
  readonly maxDispatches?: number;
  readonly shards?: number;
  readonly perShardLimit?: number;
}

export interface SweepResult {
  readonly dispatched: number;
  readonly parked: number;
}

/**
 * Claims due timers with a conditional write and sends each to its queue, with DelaySeconds for
 * the remainder under 15 minutes, so effects land within seconds of their time although the
 * sweeper runs once a minute. Timers dispatched but not completed within their lease come back
 * here by themselves and are sent again; consumers are idempotent, so that is safe.
 */
export async function sweepDueTimers(
  now: Date,
  queue: TimerQueuePort,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const lookahead = (options.lookaheadSeconds ?? maxDelaySeconds) * 1000;
  const lease = (options.leaseSeconds ?? 6 * 60) * 1000;
  const maxDispatches = options.maxDispatches ?? 10;
  const horizon = new Date(now.getTime() + lookahead).toISOString();
  const shards = Array.from({ length: options.shards ?? dueShards }, (_, shard) => shard);
  let dispatched = 0;
  let parked = 0;
  await Promise.all(
    shards.map(async (shard) => {
      for (const entry of await dueTimers(shard, horizon, options.perShardLimit ?? 200)) {
        // A dispatched timer comes back only once its lease is over; the look-ahead is for new work.
        if (entry.state === 'dispatched' && indexTime(entry) > now.toISOString()) continue;
        if (entry.dispatches >= maxDispatches) {
          await parkFailedTimer(entry);
          logger.error('timer parked after repeated failures', {
            pk: entry.pk,
            sk: entry.sk,
            dispatches: entry.dispatches,
          });
          parked++;
          continue;
        }
        const due = Date.parse(entry.dueAt);
        const leaseUntil = new Date(Math.max(due, now.getTime()) + lease).toISOString();
        if (!(await claimTimer(entry, leaseUntil))) continue;
        try {
          await queue.send(
            entry.queue,
            { kind: entry.kind, pk: entry.pk, sk: entry.sk, generation: entry.generation },
            (due - now.getTime()) / 1000,
          );
          dispatched++;
        } catch (error) {
          // The claim stands and its lease brings the timer back; the other timers still go out.
          logger.error('timer send failed; the lease will retry it', {
            pk: entry.pk,
            sk: entry.sk,
            error: error as Error,
          });
        }
      }
    }),
  );
  return { dispatched, parked };
}
