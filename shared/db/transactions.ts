import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { unavailable, versionConflict } from '../errors';
import { documentClient } from './client';
import { assertTimeLeft, cutOffAtDeadline, timeLeft } from './deadline';
import { TransactWriteCommand } from './document';
import {
  type IdempotencyClaim,
  IdempotencyRaceLost,
  type RememberedResponse,
  rememberResponseWrite,
} from './idempotency';
import type { TransactionItem } from './items';

export type { TransactionItem } from './items';

/** Index of the first transaction item whose condition failed, or -1 when it failed otherwise. */
export function failedConditionIndex(error: unknown): number {
  if (!(error instanceof TransactionCanceledException)) return -1;
  return (error.CancellationReasons ?? []).findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
}

/** True when DynamoDB cancelled the transaction because another one touched the same items. */
export function isTransactionConflict(error: unknown): boolean {
  return (
    error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict')
  );
}

export interface CreateRemembered {
  readonly claim: IdempotencyClaim | undefined;
  readonly response: RememberedResponse;
  readonly now: Date;
}

/** Outside a request (queue consumers, the sweeper) there is no deadline: a bounded count instead. */
const conflictRetriesWithoutDeadline = 8;

/**
 * Runs a transaction, with the idempotency record first when the request carried a key.
 * A condition failure surfaces as `ConditionFailed` with the index into `items` (or as
 * `IdempotencyRaceLost` for the record), for the repository to name. Transactions cancelled
 * only because another one touched the same items are tried again for as long as the request's
 * deadline allows (shared/db/deadline.ts): every condition is re-evaluated, so a retry cannot
 * write anything the first attempt would not have. When time runs out the caller gets the 503
 * `contention` problem; a cancelled transaction wrote nothing.
 */
export async function writeTransaction(
  tenantId: string,
  items: readonly TransactionItem[],
  remembered?: CreateRemembered,
  /** Abort the call at the deadline; only for callers that settle an unknown outcome themselves. */
  options: { cutOff?: boolean } = {},
): Promise<void> {
  const record = remembered?.claim
    ? [rememberResponseWrite(tenantId, remembered.claim, remembered.response, remembered.now)]
    : [];
  for (let attempt = 1; ; attempt++) {
    assertTimeLeft();
    try {
      await documentClient.send(
        new TransactWriteCommand({ TransactItems: [...record, ...items] }),
        options.cutOff ? cutOffAtDeadline() : {},
      );
      return;
    } catch (error) {
      const failed = failedConditionIndex(error);
      if (record.length > 0 && failed === 0) throw new IdempotencyRaceLost();
      if (failed >= 0) throw new ConditionFailed(failed - record.length, error);
      if (!isTransactionConflict(error)) throw error;
      // Full jitter on a capped exponential: concurrent losers spread out instead of colliding again.
      const pause = Math.random() * Math.min(200, 10 * 2 ** Math.min(attempt, 5));
      const outOfTime = timeLeft() <= pause;
      if (
        outOfTime ||
        (timeLeft() === Number.POSITIVE_INFINITY && attempt > conflictRetriesWithoutDeadline)
      ) {
        throw unavailable(
          'contention',
          'Too many changes to the same records at once; nothing was written. Retry.',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/**
 * A `writeTransaction` whose every condition guards a version (or a create): any failed condition
 * means someone changed `what` since it was read, the 409 version conflict.
 */
export async function writeVersioned(
  tenantId: string,
  items: readonly TransactionItem[],
  what: string,
  remembered?: CreateRemembered,
): Promise<void> {
  try {
    await writeTransaction(tenantId, items, remembered);
  } catch (error) {
    if (error instanceof ConditionFailed) throw versionConflict(what);
    throw error;
  }
}

/** A condition on `items[index]` of a `writeTransaction` failed; the repository says what that means. */
export class ConditionFailed extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(`transaction condition failed on item ${index}`);
  }
}
