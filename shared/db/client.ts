import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClientOver } from './document';

/**
 * Module scope: one client per Lambda container, reused across invocations. The endpoint comes
 * from the standard AWS_ENDPOINT_URL_DYNAMODB variable, which the local runtime points at
 * DynamoDB Local, so no code path knows which runtime it is in.
 */
/**
 * The SDK's own retries are for throttling and transient network errors only (at most three
 * attempts; a retried TransactWriteItems reuses its ClientRequestToken, so it cannot apply
 * twice). No per-call request timeout: an aborted write has an unknown outcome, so the calls
 * that are cut off at the request's deadline are chosen by the code that can settle the
 * outcome (see shared/db/deadline.ts); a late read writes nothing.
 */
export const documentClient = documentClientOver(new DynamoDBClient({ maxAttempts: 3 }), {
  removeUndefinedValues: true,
  convertClassInstanceToMap: false,
});

function requireTableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set: the function was deployed without its table.');
  return name;
}

/** Read once at start so a misconfigured function fails at init, not on the first write. */
export const tableName = requireTableName();
