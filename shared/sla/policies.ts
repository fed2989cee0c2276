import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client';
import { tenantPartition } from '../db/keys';
import { conflict } from '../errors';
import type { Ticket } from '../tickets/schema';
import type { SlaPolicy, SlaPolicySetInput } from './schema';

const ladder: SlaPolicy['escalations'] = [
  { afterBreachMinutes: 0, notifyRoles: ['supervisor'] },
  { afterBreachMinutes: 120, notifyRoles: ['manager'] },
];

/**
 * What a new tenant runs on: response and resolution targets by priority, in business minutes
 * of the store's calendar, warning at 80 %, breach → supervisors, two business hours later → managers.
 */
export const defaultSlaPolicies: readonly SlaPolicy[] = [
  {
    name: 'Urgent',
    match: { priorities: ['urgent'] },
    firstResponseMinutes: 15,
    resolutionMinutes: 240,
    warningPercent: 80,
    escalations: ladder,
  },
  {
    name: 'High',
    match: { priorities: ['high'] },
    firstResponseMinutes: 30,
    resolutionMinutes: 480,
    warningPercent: 80,
    escalations: ladder,
  },
  {
    name: 'Normal',
    match: { priorities: ['normal'] },
    firstResponseMinutes: 60,
    resolutionMinutes: 1440,
    warningPercent: 80,
    escalations: ladder,
  },
  {
    name: 'Low',
    match: { priorities: ['low'] },
    firstResponseMinutes: 240,
    resolutionMinutes: 2880,
    warningPercent: 80,
    escalations: ladder,
  },
];

export interface SlaPolicySet {
  readonly policies: readonly SlaPolicy[];
  readonly version: number;
  readonly updatedAt?: string;
}

/** The first policy whose every stated condition holds; undefined when none does (no SLA). */
export function matchPolicy(
  policies: readonly SlaPolicy[],
  ticket: Pick<Ticket, 'type' | 'priority' | 'storeId'>,
): SlaPolicy | undefined {
  return policies.find(
    ({ match }) =>
      (!match.types || match.types.includes(ticket.type)) &&
      (!match.priorities || match.priorities.includes(ticket.priority)) &&
      (!match.storeIds || match.storeIds.includes(ticket.storeId)),
  );
}

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
