import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client';
import { tenantPartition } from '../db/keys';
import { conflict } from '../errors';
import { defaultSlaPolicies, type SlaPolicySet } from './policies';
import type { SlaPolicy, SlaPolicySetInput } from './schema';

const policiesKey = (tenantId: string) => ({ pk: tenantPartition(tenantId), sk: 'SLA_POLICIES' });

export async function readSlaPolicies(tenantId: string): Promise<SlaPolicySet> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: policiesKey(tenantId) }),
  );
  if (!Item) return { policies: defaultSlaPolicies, version: 0 };
  return {
    policies: Item.policies as SlaPolicy[],
    version: Item.version as number,
    updatedAt: Item.updatedAt as string,
  };
}

export async function saveSlaPolicies(
  tenantId: string,
  input: SlaPolicySetInput,
  now: Date,
): Promise<SlaPolicySet> {
  const expected = input.version ?? 0;
  const saved = { policies: input.policies, version: expected + 1, updatedAt: now.toISOString() };
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...policiesKey(tenantId), entity: 'sla_policies', ...saved },
        ConditionExpression: expected === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
        ...(expected === 0 ? {} : { ExpressionAttributeValues: { ':expected': expected } }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw conflict('version_conflict', 'The SLA policies changed since they were read; read them again.');
    }
    throw error;
  }
  return saved;
}
