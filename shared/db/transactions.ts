import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** Index of the first transaction item whose condition failed, or -1 when it failed otherwise. */
export function failedConditionIndex(error: unknown): number {
  if (!(error instanceof TransactionCanceledException)) return -1;
  return (error.CancellationReasons ?? []).findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
}

/** Strips the storage keys so only the entity's own fields leave the repository. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, entity, expiresAt, ...fields } = item;
  return fields as T;
}
