import { tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { atVersion, getEntity, isNew, putEntity, putVersioned } from '../db/items';
import { queryEntities } from '../db/query';
import {
  ConditionFailed,
  type CreateRemembered,
  type TransactionItem,
  writeTransaction,
} from '../db/transactions';
import { conflict, versionConflict } from '../errors';
import { ticketEntity, timelineEventEntity } from '../tickets/entities';
import type { TimelineEvent } from '../tickets/views';
import { subjectTimerWrites } from '../timers/repository';
import { afterSalesPolicyEntity, returnCaseEntity, returnTallyEntity, returnTimerKey } from './entities';
import { type ReturnCase, type ReturnTally, refundTimerOf } from './model';
import { defaultAfterSalesPolicy, withPolicyDefaults } from './policy';
import type { AfterSalesPolicy } from './schema';

/** The saved policy, with the defaults for any field added since it was saved; the defaults if none. */
export async function readAfterSalesPolicy(tenantId: string): Promise<AfterSalesPolicy> {
  const saved = await getEntity(afterSalesPolicyEntity, { tenantId }, { consistent: false });
  return saved ? withPolicyDefaults(saved) : defaultAfterSalesPolicy;
}

export async function storeAfterSalesPolicy(tenantId: string, policy: AfterSalesPolicy, readVersion: number) {
  await putVersioned(afterSalesPolicyEntity, tenantId, policy, readVersion, 'after-sales policy');
}

export async function readReturnTally(
  tenantId: string,
  purchase: { id: string; customerId: string },
): Promise<ReturnTally> {
  return (
    (await getEntity(returnTallyEntity, { tenantId, purchaseId: purchase.id })) ?? {
      purchaseId: purchase.id,
      customerId: purchase.customerId,
      lines: {},
      version: 0,
    }
  );
}

/**
 * The refund timer's writes when its step changed: scheduled with the case's version as its
 * generation, or dropped (refunded, or chased once). Its consumer passes the generation it fired.
 */
export const refundTimerWrites = (
  tenantId: string,
  after: ReturnCase,
  before: ReturnCase,
  firedGeneration?: number,
): TransactionItem[] =>
  subjectTimerWrites(
    {
      ...returnTimerKey(tenantId, after.id),
      tenantId,
      kind: 'refund_due',
      queue: 'escalation',
      subjectId: after.id,
      generation: after.version,
    },
    refundTimerOf(after),
    refundTimerOf(before),
    firedGeneration,
  );

export const returnCaseWrite = (tenantId: string, returnCase: ReturnCase): TransactionItem =>
  putEntity(returnCaseEntity, tenantId, returnCase, isNew);

export const caseEventWrite = (tenantId: string, event: TimelineEvent): TransactionItem =>
  putEntity(timelineEventEntity, tenantId, event, isNew);

export const tallyWrite = (tenantId: string, tally: ReturnTally): TransactionItem =>
  putEntity(returnTallyEntity, tenantId, tally, atVersion(tally.version - 1));

/** The ticket must exist and still be open to events (not closed or cancelled). */
const ticketStillOpen = (tenantId: string, ticketId: string): TransactionItem => ({
  ConditionCheck: {
    TableName: tableName,
    Key: ticketEntity.key({ tenantId, id: ticketId }),
    ConditionExpression: 'attribute_exists(pk) AND NOT (#status IN (:closed, :cancelled))',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':closed': 'closed', ':cancelled': 'cancelled' },
  },
});

const ticketFinished = () => conflict('ticket_finished', 'The ticket was closed or cancelled meanwhile.');

/** A case attached to an existing ticket: the case and its first timeline event together. */
export async function insertReturnCase(
  tenantId: string,
  returnCase: ReturnCase,
  event: TimelineEvent,
  remembered: CreateRemembered,
) {
  try {
    await writeTransaction(
      tenantId,
      [
        ticketStillOpen(tenantId, returnCase.ticketId),
        returnCaseWrite(tenantId, returnCase),
        caseEventWrite(tenantId, event),
      ],
      remembered,
    );
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw ticketFinished();
    throw error;
  }
}

/**
 * A step: the case at the version read, its ticket event, its refund timer (armed when the goods
 * come back for a refund, dropped by the refund), and what rides along (the refund tally, the
 * purchase becoming `returned` and its cancelled revisits), in one transaction.
 */
export async function saveReturnStep(
  tenantId: string,
  before: ReturnCase,
  after: ReturnCase,
  event: TimelineEvent,
  alongside: readonly TransactionItem[],
) {
  try {
    await writeTransaction(tenantId, [
      putEntity(returnCaseEntity, tenantId, after, atVersion(before.version)),
      ticketStillOpen(tenantId, before.ticketId),
      caseEventWrite(tenantId, event),
      ...refundTimerWrites(tenantId, after, before),
      ...alongside,
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed) {
      if (error.index === 0) throw versionConflict('return case');
      if (error.index === 1) throw ticketFinished();
      throw conflict(
        'purchase_changed',
        'The purchase or its returns changed meanwhile; read the case again and retry.',
      );
    }
    throw error;
  }
}

export async function findReturnCase(tenantId: string, id: string): Promise<ReturnCase | undefined> {
  return getEntity(returnCaseEntity, { tenantId, id });
}

export async function listReturnCases(
  view: ReturnType<typeof returnCaseEntity.view> & { sortKeyBetween?: readonly [string, string] },
  page: { limit: number; cursor?: string | undefined; filters: Record<string, unknown> },
): Promise<Page<ReturnCase>> {
  return queryEntities<ReturnCase>({ ...view, ...page, newestFirst: true, list: 'returns' });
}
