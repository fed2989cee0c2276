import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { withoutKeys } from '../db/entity';
import { type PageQuery, queryAll, queryEntities } from '../db/query';
import {
  ConditionFailed,
  type CreateRemembered,
  type TransactionItem,
  writeTransaction,
} from '../db/transactions';
import { putVersioned } from '../db/versioned';
import { conflict } from '../errors';
import { dropTimerWrite, scheduleTimerWrite } from '../timers/repository';
import { revisitKeys } from './keys';
import { defaultRevisitRules } from './planning';
import type { Revisit, RevisitRules, RevisitRulesInput } from './schema';

/**
 * The writes that store a revisit: the item with its views, and its timer: (re)scheduled while
 * the revisit waits for its day, dropped once it is due or closed. `before` makes it an update
 * conditioned on the version read; `firedGeneration` is set by the timer's own consumer.
 */
export function revisitWrites(
  tenantId: string,
  revisit: Revisit,
  before?: Revisit,
  firedGeneration?: number,
): TransactionItem[] {
  const timer = revisitKeys.timer(tenantId, revisit.id);
  const waits = revisit.status === 'scheduled';
  const timerChanged = !before || before.status !== revisit.status || before.dueAt !== revisit.dueAt;
  const timerWrites: TransactionItem[] = !timerChanged
    ? []
    : waits
      ? [
          scheduleTimerWrite(
            {
              ...timer,
              tenantId,
              kind: 'revisit',
              queue: 'revisit',
              subjectId: revisit.id,
              stage: `due@${revisit.dueAt}`,
              dueAt: revisit.dueAt,
              generation: revisit.version,
            },
            firedGeneration,
          ),
        ]
      : before?.status === 'scheduled' || firedGeneration !== undefined
        ? [dropTimerWrite(timer, firedGeneration)]
        : [];
  return [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...revisitKeys.revisit(tenantId, revisit.id),
          ...revisitKeys.views(tenantId, revisit),
          entity: 'revisit',
          ...revisit,
        },
        ConditionExpression: before ? 'version = :read' : 'attribute_not_exists(pk)',
        ...(before ? { ExpressionAttributeValues: { ':read': before.version } } : {}),
      },
    },
    ...timerWrites,
  ];
}

/** Saves revisit changes (and whatever rides along); a stale version is a 409. */
export async function saveRevisits(
  tenantId: string,
  items: readonly TransactionItem[],
  remembered?: CreateRemembered,
): Promise<void> {
  try {
    await writeTransaction(tenantId, items, remembered);
  } catch (error) {
    if (error instanceof ConditionFailed) {
      throw conflict('version_conflict', 'The revisit changed since it was read; read it again and retry.');
    }
    throw error;
  }
}

export async function findRevisit(tenantId: string, revisitId: string): Promise<Revisit | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableName,
      Key: revisitKeys.revisit(tenantId, revisitId),
      ConsistentRead: true,
    }),
  );
  return Item ? withoutKeys<Revisit>(Item) : undefined;
}

export async function listRevisitsInView(
  view: ReturnType<typeof revisitKeys.byStoreAndStatus> | ReturnType<typeof revisitKeys.byCustomer>,
  page: Pick<PageQuery, 'limit' | 'cursor' | 'newestFirst' | 'list' | 'filters'>,
): Promise<Page<Revisit>> {
  return queryEntities<Revisit>({ ...view, ...page });
}

/** All of a customer's revisits (a handful per purchase), e.g. to cancel a returned purchase's. */
export async function allRevisitsOfCustomer(tenantId: string, customerId: string): Promise<Revisit[]> {
  const items = await queryAll(revisitKeys.byCustomer(tenantId, customerId), 2000);
  return items.map((item) => withoutKeys<Revisit>(item));
}

export async function readRevisitRules(tenantId: string): Promise<RevisitRules> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: revisitKeys.rules(tenantId) }),
  );
  if (!Item) return defaultRevisitRules;
  const { pk, sk, entity, ...rules } = Item;
  return rules as RevisitRules;
}

export async function saveRevisitRules(
  tenantId: string,
  input: RevisitRulesInput,
  now: Date,
): Promise<RevisitRules> {
  const expected = input.version ?? 0;
  const { version, ...rules } = input;
  const saved: RevisitRules = { ...rules, version: expected + 1, updatedAt: now.toISOString() };
  await putVersioned(revisitKeys.rules(tenantId), 'revisit_rules', saved, expected, 'revisit rules');
  return saved;
}
