import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client';
import {
  type IdempotencyClaim,
  IdempotencyRaceLost,
  type RememberedResponse,
  rememberResponseWrite,
} from './idempotency';

export type TransactionItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

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

const conflictRetries = 4;

/**
 * Runs a transaction, with the idempotency record first when the request carried a key.
 * A condition failure surfaces as `ConditionFailed` with the index into `items` (or as
 * `IdempotencyRaceLost` for the record), for the repository to name. Transactions cancelled
 * only because another one touched the same items are tried again: every condition is
 * re-evaluated, so a retry cannot write anything the first attempt would not have.
 */
export async function writeTransaction(
  tenantId: string,
  items: readonly TransactionItem[],
  remembered?: CreateRemembered,
): Promise<void> {
  const record = remembered?.claim
    ? [rememberResponseWrite(tenantId, remembered.claim, remembered.response, remembered.now)]
    : [];
  for (let attempt = 1; ; attempt++) {
    try {
      await documentClient.send(new TransactWriteCommand({ TransactItems: [...record, ...items] }));
      return;
    } catch (error) {
      const failed = failedConditionIndex(error);
      if (record.length > 0 && failed === 0) throw new IdempotencyRaceLost();
      if (failed >= 0) throw new ConditionFailed(failed - record.length, error);
      if (!isTransactionConflict(error) || attempt > conflictRetries) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
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

/** Strips the storage keys so only the entity's own fields leave the repository. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const {
    pk,
    sk,
    gsi1pk,
    gsi1sk,
    gsi2pk,
    gsi2sk,
    gsi3pk,
    gsi3sk,
    gsi4pk,
    gsi4sk,
    duePk,
    dueSk,
    entity,
    expiresAt,
    ...fields
  } = item;
  return fields as T;
}
