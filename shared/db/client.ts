import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Module scope: one client per Lambda container, reused across invocations. The endpoint comes
 * from the standard AWS_ENDPOINT_URL_DYNAMODB variable, which the local runtime points at
 * DynamoDB Local, so no code path knows which runtime it is in.
 */
export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

function requireTableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set: the function was deployed without its table.');
  return name;
}

/** Read once at start so a misconfigured function fails at init, not on the first write. */
export const tableName = requireTableName();
