import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

/**
 * The cold-init and bundle-size baseline: one GetItem with a bare DynamoDB client, no middy, no
 * logger, no validation. Every handler is measured against this, built and run the same way.
 */
const client = new DynamoDBClient({});
const tableName = process.env.TABLE_NAME;

export const handler = async (event: { pathParameters?: Record<string, string> }) => {
  const output = await client.send(
    new GetItemCommand({
      TableName: tableName,
      Key: { pk: { S: `BASELINE#${event.pathParameters?.id ?? 'none'}` }, sk: { S: 'BASELINE' } },
    }),
  );
  return { statusCode: output.Item ? 200 : 404, body: JSON.stringify({ found: Boolean(output.Item) }) };
};
