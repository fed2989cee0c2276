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
import type { Ticket, TimelineEvent } from '../tickets/views';
import { subjectTimerWrites } from '../timers/repository';
import { repairCaseEntity, repairPriceListEntity, repairTimerKey } from './entities';
import { type RepairCase, repairTimerOf } from './model';
import { emptyPriceList } from './pricing';
import type { RepairPriceList } from './views';

/**
 * The writes that store a case: the item, and its stalled-stage timer whenever that changed
 * (scheduled with the case's version as its generation, or dropped). `firedGeneration` is set by
 * the timer's own consumer, so a duplicate delivery cannot remind twice.
 */
export function repairWrites(
  tenantId: string,
  repair: RepairCase,
  before?: RepairCase,
  firedGeneration?: number,
): TransactionItem[] {
  const timer = subjectTimerWrites(
    {
      ...repairTimerKey(tenantId, repair.id),
      tenantId,
      kind: 'repair_stall',
      queue: 'revisit',
      subjectId: repair.id,
      generation: repair.version,
    },
    repairTimerOf(repair),
    before ? repairTimerOf(before) : undefined,
    firedGeneration,
  );
  return [
    putEntity(repairCaseEntity, tenantId, repair, before ? atVersion(before.version) : isNew),
    ...timer,
  ];
}

export const repairEventWrite = (tenantId: string, event: TimelineEvent): TransactionItem =>
  putEntity(timelineEventEntity, tenantId, event, isNew);

/**
 * The ticket must exist and still be open to events (not closed or cancelled); money paid back is
 * recorded even after the desk closed it, so then it only has to exist.
 */
const ticketCheck = (tenantId: string, ticketId: string, open = true): TransactionItem => ({
  ConditionCheck: {
    TableName: tableName,
    Key: ticketEntity.key({ tenantId, id: ticketId }),
    ...(open
      ? {
          ConditionExpression: 'attribute_exists(pk) AND NOT (#status IN (:closed, :cancelled))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':closed': 'closed', ':cancelled': 'cancelled' },
        }
      : { ConditionExpression: 'attribute_exists(pk)' }),
  },
});

const ticketFinished = () => conflict('ticket_finished', 'The ticket was closed or cancelled meanwhile.');

/** A case attached to an existing ticket: the case, its timer and its first timeline event together. */
export async function insertRepairCase(
  tenantId: string,
  repair: RepairCase,
  event: TimelineEvent,
  remembered: CreateRemembered,
) {
  try {
    await writeTransaction(
      tenantId,
      [
        ticketCheck(tenantId, repair.ticketId),
        ...repairWrites(tenantId, repair),
        repairEventWrite(tenantId, event),
      ],
      remembered,
    );
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw ticketFinished();
    throw error;
  }
}

/**
 * A step: the ticket (still open, or resolved at the version read when the step finishes the
 * repair, or only existing for a refund paid back), the case at the version read with its timer, the events, and what rides along (the
 * item's repair history, the ticket's side effects and revisit), in one transaction.
 */
export async function saveRepairStep(
  tenantId: string,
  before: RepairCase,
  after: RepairCase,
  events: readonly TimelineEvent[],
  ticket: { before: Ticket; after: Ticket } | undefined,
  alongside: readonly TransactionItem[],
  ticketMayBeFinished = false,
) {
  try {
    await writeTransaction(tenantId, [
      ticket
        ? putEntity(ticketEntity, tenantId, ticket.after, atVersion(ticket.before.version))
        : ticketCheck(tenantId, before.ticketId, !ticketMayBeFinished),
      ...repairWrites(tenantId, after, before),
      ...events.map((event) => repairEventWrite(tenantId, event)),
      ...alongside,
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed) {
      if (error.index === 0) {
        throw ticket
          ? conflict('ticket_changed', 'The ticket changed meanwhile; read the repair again and retry.')
          : ticketFinished();
      }
      if (error.index === 1) throw versionConflict('repair case');
      throw conflict(
        'purchase_changed',
        'The purchase’s repair history changed meanwhile; read the repair again and retry.',
      );
    }
    throw error;
  }
}

export async function findRepairCase(tenantId: string, id: string): Promise<RepairCase | undefined> {
  return getEntity(repairCaseEntity, { tenantId, id });
}

export async function listRepairCases(
  view: ReturnType<typeof repairCaseEntity.view> & { sortKeyBetween?: readonly [string, string] },
  page: { limit: number; cursor?: string | undefined; filters: Record<string, unknown> },
): Promise<Page<RepairCase>> {
  return queryEntities<RepairCase>({ ...view, ...page, newestFirst: true, list: 'repairs' });
}

/** The tenant's price list, or the empty one (version 0) until saved. */
export async function readRepairPriceList(tenantId: string): Promise<RepairPriceList> {
  const saved = await getEntity(repairPriceListEntity, { tenantId }, { consistent: false });
  // A list saved before lists had a currency is in CNY.
  return saved ? { ...saved, currency: saved.currency ?? 'CNY' } : emptyPriceList;
}

export async function storeRepairPriceList(
  tenantId: string,
  priceList: RepairPriceList,
  readVersion: number,
) {
  await putVersioned(repairPriceListEntity, tenantId, priceList, readVersion, 'repair price list');
}
