import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client';
import { tenantPartition } from '../db/keys';
import { putVersioned } from '../db/versioned';
import { defaultSlaPolicies, type SlaPolicySet } from './policies';
import type { SlaPolicy, SlaPolicySetInput } from './schema';

export const slaPoliciesKey = (tenantId: string) => ({ pk: tenantPartition(tenantId), sk: 'SLA_POLICIES' });
const policiesKey = slaPoliciesKey;

/** The tenant's policies from their item, or the defaults when it has none (pure). */
export function slaPoliciesFrom(item: Record<string, unknown> | undefined): SlaPolicySet {
  if (!item) return { policies: defaultSlaPolicies, version: 0 };
  return {
    policies: item.policies as SlaPolicy[],
    version: item.version as number,
    updatedAt: item.updatedAt as string,
  };
}

export async function readSlaPolicies(tenantId: string): Promise<SlaPolicySet> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: policiesKey(tenantId) }),
  );
  return slaPoliciesFrom(Item);
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
