import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { documentClient, tableName } from '../db/client';
import { GetCommand, QueryCommand, UpdateCommand } from '../db/document';
import type { TransactionItem } from '../db/transactions';
import { timerEntity } from './entities';
import { dueHorizon, duePartition, dueSortKey, shardOf } from './keys';
import type { Timer } from './schema';

/** Only if the timer is still the dispatched generation a consumer is working on. */
const stillDispatched = (generation: number) => ({
  ConditionExpression: 'generation = :generation AND #state = :dispatched',
  ExpressionAttributeNames: { '#state': 'state' },
  ExpressionAttributeValues: { ':generation': generation, ':dispatched': 'dispatched' },
});

/**
 * Transaction item (re)scheduling a timer: a fresh generation, due at `dueAt`. A consumer passes
 * the generation it fired, so a duplicate delivery cannot apply the same step twice.
 */
export function scheduleTimerWrite(
  timer: Omit<Timer, 'state' | 'dispatches'>,
  firedGeneration?: number,
): TransactionItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...timer,
        entity: timerEntity.tag,
        state: 'scheduled',
        dispatches: 0,
        duePk: duePartition(shardOf(timer.pk, timer.sk)),
        dueSk: dueSortKey(timer.dueAt, timer.pk, timer.sk),
      },
      ...(firedGeneration === undefined ? {} : stillDispatched(firedGeneration)),
    },
  };
}

/** Transaction item removing a timer that has nothing more to do (its effect is done). */
export function dropTimerWrite(key: { pk: string; sk: string }, firedGeneration?: number): TransactionItem {
  return {
    Delete: {
      TableName: tableName,
      Key: key,
      ...(firedGeneration === undefined ? {} : stillDispatched(firedGeneration)),
    },
  };
}

/** What a subject's one timer must do next: its step and when. */
export interface TimerStep {
  readonly stage: string;
  readonly dueAt: string;
}

/**
 * The writes that keep a subject's one timer in step with the subject (a wake-up call, a loan, a
 * found item): nothing when its step is unchanged, else rescheduled with the subject's version as
 * its generation, or dropped when nothing is left to do. A consumer passes the generation it
 * fired, so the timer is rewritten (or dropped) even when the step looks unchanged, and a duplicate
 * delivery cannot apply the same step twice.
 */
export function subjectTimerWrites(
  timer: Pick<Timer, 'pk' | 'sk' | 'tenantId' | 'kind' | 'queue' | 'subjectId' | 'generation'>,
  wanted: TimerStep | undefined,
  had: TimerStep | undefined,
  firedGeneration?: number,
): TransactionItem[] {
  const same = wanted?.stage === had?.stage && wanted?.dueAt === had?.dueAt;
  if (same && firedGeneration === undefined) return [];
  if (wanted)
    return [scheduleTimerWrite({ ...timer, stage: wanted.stage, dueAt: wanted.dueAt }, firedGeneration)];
  const key = { pk: timer.pk, sk: timer.sk };
  return had || firedGeneration !== undefined ? [dropTimerWrite(key, firedGeneration)] : [];
}

export async function findTimer(key: { pk: string; sk: string }): Promise<Timer | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
  );
  return Item as Timer | undefined;
}

export interface DueEntry {
  readonly pk: string;
  readonly sk: string;
  readonly dueSk: string;
  readonly generation: number;
  readonly queue: Timer['queue'];
  readonly kind: Timer['kind'];
  readonly dueAt: string;
  readonly dispatches: number;
  readonly state: Timer['state'];
}

/** The time in a due-index sort key: the due time, or the lease end once dispatched. */
export const indexTime = (entry: Pick<DueEntry, 'dueSk'>) => entry.dueSk.slice(0, entry.dueSk.indexOf('#'));

/** A due-index entry as read: its keys are sure (they index it), the rest is to be checked. */
export type DueRow = { readonly pk: string; readonly sk: string; readonly dueSk: string } & Readonly<
  Record<string, unknown>
>;

/** Timers of one shard due (or whose lease ends) by `horizon`, oldest first. */
export async function dueTimers(shard: number, horizon: string, limit: number): Promise<DueRow[]> {
  const { Items } = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'due',
      KeyConditionExpression: 'duePk = :shard AND dueSk <= :horizon',
      ExpressionAttributeValues: { ':shard': duePartition(shard), ':horizon': dueHorizon(horizon) },
      Limit: limit,
    }),
  );
  return (Items ?? []) as DueRow[];
}

/**
 * Claims a due timer for dispatch: only if nobody changed or claimed it since it was read.
 * The lease end becomes its due-index time, so if its effect is not done by then, the sweeper
 * sees it again and re-dispatches it.
 */
export async function claimTimer(entry: DueEntry, leaseUntil: string): Promise<boolean> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: entry.pk, sk: entry.sk },
        UpdateExpression: 'SET #state = :dispatched, dueSk = :lease, dispatches = dispatches + :one',
        ConditionExpression: 'generation = :generation AND dueSk = :seen',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':dispatched': 'dispatched',
          ':lease': dueSortKey(leaseUntil, entry.pk, entry.sk),
          ':one': 1,
          ':generation': entry.generation,
          ':seen': entry.dueSk,
        },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * Gives up on a timer that kept failing or cannot be swept at all: it stays in the table, out
 * of the due index, as `failed` with the reason, for an operator. Only if nobody moved it since
 * it was read (its index entry is unchanged, and so is its generation when it has one).
 */
export async function parkFailedTimer(entry: DueRow, reason: string): Promise<void> {
  const sameGeneration = typeof entry.generation === 'number';
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: entry.pk, sk: entry.sk },
        UpdateExpression: 'SET #state = :failed, failureReason = :reason REMOVE duePk, dueSk',
        ConditionExpression: sameGeneration ? 'generation = :generation AND dueSk = :seen' : 'dueSk = :seen',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':failed': 'failed',
          ':reason': reason,
          ':seen': entry.dueSk,
          ...(sameGeneration ? { ':generation': entry.generation } : {}),
        },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/**
 * Runs a consumer's write for one timer step. If it fails because another delivery of the same
 * step already completed it (the timer moved on), that is a duplicate: report false, not an error.
 */
export async function unlessAlreadyDone(
  message: { pk: string; sk: string; generation: number },
  write: () => Promise<void>,
): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    const current = await findTimer({ pk: message.pk, sk: message.sk });
    if (!current || current.generation !== message.generation || current.state !== 'dispatched') return false;
    throw error;
  }
}
