import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client';
import { tenantPartition } from '../db/keys';
import { putVersioned } from '../db/versioned';
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
  await putVersioned(policiesKey(tenantId), 'sla_policies', saved, expected, 'SLA policies');
  return saved;
}
