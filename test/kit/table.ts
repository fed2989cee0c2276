import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';

/**
 * Test-only view of the raw table: every item whose partition key belongs to a tenant.
 * A Scan is fine here (a small test table); request paths never scan.
 */
export async function itemsOfTenant(tenantId: string): Promise<Record<string, unknown>[]> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: process.env.TABLE_NAME,
        FilterExpression: 'pk = :tenant OR begins_with(pk, :prefix)',
        ExpressionAttributeValues: { ':tenant': `T#${tenantId}`, ':prefix': `T#${tenantId}#` },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return items;
}
