import type { Principal } from '../../access/principal';
import { addBusinessMinutes } from '../../calendar/business-time';
import { resolveCalendar } from '../../calendar/repository';
import { getEntity } from '../../db/items';
import type { TransactionItem } from '../../db/transactions';
import { departmentEntity } from '../../departments/entities';
import { conflict, notFound, versionConflict } from '../../errors';
import { newId } from '../../ids';
import { merchantEntity } from '../../merchants/entities';
import { notificationWrite } from '../../notifications/inbox';
import { findStore } from '../../stores/repository';
import { findTicket } from '../../tickets/repository';
import { complaintInScope, missingReference } from '../lookups';
import { applyComplaintStep, type StepContext } from '../model';
import { complaintWrites, saveComplaintStep, ticketStillOpen } from '../repository';
import type { RecordComplaintStepInput } from '../schema';
import { ticketClosingWrites } from '../ticket-closing';
import type { Complaint } from '../views';

type AddTask = Extract<RecordComplaintStepInput, { step: 'add_task' }>;

/** The new task's assignee (a department of the store or tenant, a merchant of the store) and due time. */
async function taskContext(tenantId: string, storeId: string, input: AddTask, now: Date) {
  const values = { tenantId, id: input.assignee.id };
  const assignee =
    input.assignee.kind === 'department'
      ? await getEntity(departmentEntity, values, { consistent: false })
      : await getEntity(merchantEntity, values, { consistent: false });
  if (!assignee || (assignee.storeId !== undefined && assignee.storeId !== storeId)) {
    throw missingReference('assignee.id', input.assignee.kind);
  }
  // A department's members are told in their inbox; a merchant has no inbox here (the desk calls it).
  const notified = 'members' in assignee ? assignee.members : undefined;
  const store = await findStore(tenantId, storeId);
  if (!store) throw notFound('store');
  // Due in business time of the store's calendar, the way SLA targets count.
  const calendar = await resolveCalendar(tenantId, store);
  const dueAt = addBusinessMinutes(calendar, now, input.dueInBusinessHours * 60).toISOString();
  return { id: newId(now), assigneeName: assignee.name, dueAt, ...(notified ? { notified } : {}) };
}

/** Each member of the task's department is told of the task in their inbox (调查任务下达). */
function taskAssignedNotices(
  tenantId: string,
  complaint: Complaint,
  task: NonNullable<StepContext['task']>,
  now: Date,
): TransactionItem[] {
  return (task.notified ?? []).map((staffId) =>
    notificationWrite(tenantId, {
      id: newId(now),
      staffId,
      kind: 'complaint_task_assigned',
      complaintId: complaint.id,
      ticketId: complaint.ticketId,
      ticketNumber: complaint.ticketNumber,
      storeId: complaint.storeId,
      taskId: task.id,
      assignee: task.assigneeName,
      dueAt: task.dueAt,
      at: now.toISOString(),
    }),
  );
}

/** What the customer was answered with, for the ticket's resolution. */
const outcomeOf = (complaint: Complaint) =>
  complaint.judgement?.validity === 'not_valid'
    ? `不成立: ${complaint.judgement.explanation ?? complaint.judgement.reason}`
    : `${complaint.remedy?.result ?? ''} / ${complaint.remedy?.remedy ?? ''} (满意度 ${complaint.satisfaction?.score ?? '-'})`;

/**
 * One step of a complaint case, at the version read: the case, its ticket event and its task
 * timers in one transaction. A step that closes the case also resolves and closes the ticket
 * in that transaction.
 */
export async function recordComplaintStep(
  principal: Principal,
  complaintId: string,
  input: RecordComplaintStepInput,
  now: Date,
): Promise<Complaint> {
  const { tenantId } = principal;
  const complaint = await complaintInScope(principal, complaintId);
  if (input.version !== complaint.version) throw versionConflict('complaint');
  const context: StepContext = {
    actorId: principal.userId,
    now,
    eventId: newId(now),
    ...(input.step === 'add_task' && complaint.status === 'investigating'
      ? { task: await taskContext(tenantId, complaint.storeId, input, now) }
      : {}),
  };
  const { complaint: next, event } = applyComplaintStep(complaint, input, context);
  const items: TransactionItem[] = complaintWrites(tenantId, next, complaint, [event]);
  const { task } = context;
  const notices = task ? taskAssignedNotices(tenantId, next, task, now) : [];
  const ticketIndex = items.length;
  const closing = next.status === 'closed';
  if (closing) {
    const ticket = await findTicket(tenantId, complaint.ticketId);
    if (!ticket || ticket.status === 'closed' || ticket.status === 'cancelled') {
      throw conflict('ticket_finished', 'The ticket was closed or cancelled meanwhile.');
    }
    items.push(...(await ticketClosingWrites(tenantId, ticket, outcomeOf(next), principal.userId, now)));
  } else {
    items.push(ticketStillOpen(tenantId, complaint.ticketId), ...notices);
  }
  await saveComplaintStep(
    tenantId,
    items,
    ticketIndex,
    closing
      ? conflict('ticket_changed', 'The ticket changed meanwhile; read the complaint again and retry.')
      : conflict('ticket_finished', 'The ticket was closed or cancelled meanwhile.'),
  );
  return next;
}
