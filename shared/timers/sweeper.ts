import { safeParse } from 'zod/mini';
import { logger } from '../observability/logger';
import { dueShards } from './keys';
import type { TimerQueuePort } from './queue';
import { maxDelaySeconds } from './queue';
import { claimTimer, type DueRow, dueTimers, indexTime, parkFailedTimer } from './repository';
import { dueEntry, timerParkedLogMessage } from './schema';

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
 *
 * One timer never stops the others: an entry that cannot be swept (say an absurd `dueAt` from
 * before the strict time schema) is parked as failed with its reason and alarmed; any other
 * failure of one timer is logged and left to the next sweep; a shard that cannot be read does
 * not keep the other shards from being swept (the sweep reports it by throwing at the end).
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

  const park = async (row: DueRow, reason: string) => {
    await parkFailedTimer(row, reason);
    logger.error(timerParkedLogMessage, { pk: row.pk, sk: row.sk, reason });
    parked++;
  };

  const sweepOne = async (row: DueRow) => {
    const checked = safeParse(dueEntry, row);
    if (!checked.success) {
      const problems = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      await park(row, `unsweepable: ${problems.join('; ')}`);
      return;
    }
    const entry = checked.data;
    // A dispatched timer comes back only once its lease is over; the look-ahead is for new work.
    if (entry.state === 'dispatched' && indexTime(entry) > now.toISOString()) return;
    if (entry.dispatches >= maxDispatches) {
      await park(row, `dispatched ${entry.dispatches} times without completing`);
      return;
    }
    // dueAt passed the strict time schema (2000–2100): the lease end is a valid time.
    const due = Date.parse(entry.dueAt);
    const leaseUntil = new Date(Math.max(due, now.getTime()) + lease).toISOString();
    if (!(await claimTimer(entry, leaseUntil))) return;
    try {
      await queue.send(
        entry.queue,
        { kind: entry.kind, pk: entry.pk, sk: entry.sk, generation: entry.generation, dueAt: entry.dueAt },
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
  };

  const outcomes = await Promise.allSettled(
    shards.map(async (shard) => {
      for (const row of await dueTimers(shard, horizon, options.perShardLimit ?? 200)) {
        try {
          await sweepOne(row);
        } catch (error) {
          // Left where it is: the next sweep tries it again, and this one goes on.
          logger.error('timer sweep step failed', { pk: row.pk, sk: row.sk, error: error as Error });
        }
      }
    }),
  );
  const unread = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
  if (unread.length > 0) {
    throw new AggregateError(unread, `${unread.length} due-index shard(s) could not be read`);
  }
  return { dispatched, parked };
}
