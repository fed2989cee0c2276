import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

/**
 * Puts a tenant's items back as a snapshot had them (snapshots are JSON lines of whole items).
 * A test that caught a write behind a refusal undoes it, so a stored bad timer cannot stall the
 * sweeps of the other test files sharing this table.
 */
export async function restoreItems(before: readonly string[], after: readonly string[]): Promise<void> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const written = after.filter((item) => !before.includes(item));
  const gone = before.filter((item) => !after.includes(item));
  for (const line of written) {
    const { pk, sk } = JSON.parse(line) as { pk: string; sk: string };
    await client.send(new DeleteCommand({ TableName: process.env.TABLE_NAME, Key: { pk, sk } }));
  }
  for (const line of gone) {
    await client.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: JSON.parse(line) }));
  }
  client.destroy();
}
