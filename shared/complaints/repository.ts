import { tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { atVersion, getEntity, isNew, putEntity } from '../db/items';
import { type PageQuery, queryEntities } from '../db/query';
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
import { complaintEntity, taskTimerKey, ticketComplaintEntity } from './entities';
import { taskTimerOf } from './model';
import type { Complaint } from './views';

/**
 * The writes that store a complaint change: the case (new, or at the version read), its events
 * on the ticket's timeline, and each task's escalation timer where that changed (scheduled for a
 * new open task, dropped for a task done or escalated). The timer consumer passes the task and
 * generation it fired, so a duplicate delivery cannot escalate twice.
 */
export function complaintWrites(
  tenantId: string,
  complaint: Complaint,
  before: Complaint | undefined,
  events: readonly TimelineEvent[],
  fired?: { readonly taskId: string; readonly generation: number },
): TransactionItem[] {
  const timers = complaint.tasks.flatMap((task) =>
    subjectTimerWrites(
      {
        ...taskTimerKey(tenantId, complaint.id, task.id),
        tenantId,
        kind: 'complaint_task',
        queue: 'escalation',
        subjectId: complaint.id,
        generation: complaint.version,
      },
      taskTimerOf(task),
      taskTimerOf(before?.tasks.find((candidate) => candidate.id === task.id)),
      fired?.taskId === task.id ? fired.generation : undefined,
    ),
  );
  return [
    putEntity(complaintEntity, tenantId, complaint, before ? atVersion(before.version) : isNew),
    ...events.map((event) => putEntity(timelineEventEntity, tenantId, event, isNew)),
    ...timers,
  ];
}

/** The ticket must exist and still be open to events (not closed or cancelled). */
export const ticketStillOpen = (tenantId: string, ticketId: string): TransactionItem => ({
  ConditionCheck: {
    TableName: tableName,
    Key: ticketEntity.key({ tenantId, id: ticketId }),
    ConditionExpression: 'attribute_exists(pk) AND NOT (#status IN (:closed, :cancelled))',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':closed': 'closed', ':cancelled': 'cancelled' },
  },
});

const ticketFinished = () => conflict('ticket_finished', 'The ticket was closed or cancelled meanwhile.');

/** A new case: the ticket still open, the ticket's one case taken, the case and its first event. */
export async function insertComplaint(
  tenantId: string,
  complaint: Complaint,
  event: TimelineEvent,
  remembered: CreateRemembered,
): Promise<void> {
  try {
    await writeTransaction(
      tenantId,
      [
        ticketStillOpen(tenantId, complaint.ticketId),
        putEntity(
          ticketComplaintEntity,
          tenantId,
          { ticketId: complaint.ticketId, complaintId: complaint.id },
          isNew,
        ),
        ...complaintWrites(tenantId, complaint, undefined, [event]),
      ],
      remembered,
    );
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw ticketFinished();
    if (error instanceof ConditionFailed && error.index === 1) {
      throw conflict('complaint_exists', 'This ticket already has its complaint case.');
    }
    throw error;
  }
}

/**
 * A step: the case at the version read with its event and timers (first), then the ticket's
 * part at `ticketIndex` (its open check, or its closing write at the version read, failing as
 * `ticketError`).
 */
export async function saveComplaintStep(
  tenantId: string,
  items: readonly TransactionItem[],
  ticketIndex: number,
  ticketError: Error,
): Promise<void> {
  try {
    await writeTransaction(tenantId, items);
  } catch (error) {
    if (error instanceof ConditionFailed) {
      if (error.index === 0) throw versionConflict('complaint');
      if (error.index === ticketIndex) throw ticketError;
    }
    throw error;
  }
}

export async function findComplaint(tenantId: string, id: string): Promise<Complaint | undefined> {
  return getEntity(complaintEntity, { tenantId, id });
}

export async function listComplaintCases(
  view: ReturnType<typeof complaintEntity.view> & { sortKeyBetween?: readonly [string, string] },
  page: Pick<PageQuery, 'limit' | 'cursor' | 'newestFirst' | 'filters'>,
): Promise<Page<Complaint>> {
  return queryEntities<Complaint>({ ...view, ...page, list: 'complaints' });
}
