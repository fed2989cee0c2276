import { writeTransaction } from '../db/transactions';
import { newId } from '../ids';
import { notificationWrite } from '../notifications/inbox';
import { listMemberships } from '../staff/repository';
import { dropTimerWrite, findTimer, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { complaintEvent, markTaskEscalated, taskTimerOf } from './model';
import { complaintWrites, findComplaint } from './repository';

/** Thrown when a timer arrives before its time (an early redelivery): SQS tries again later. */
export class TaskTimerNotDueYet extends Error {}

/**
 * An investigation task is overdue: the store's supervisors are told (inbox) and the ticket's
 * timeline records it, once. The case is written at the version read and the timer dropped at
 * the generation fired, in one transaction, so a duplicate delivery or a restart changes nothing;
 * a task done meanwhile dropped its own timer.
 */
export async function fireComplaintTaskTimer(
  message: TimerMessage,
  now: Date,
): Promise<'applied' | 'stale' | 'duplicate'> {
  const key = { pk: message.pk, sk: message.sk };
  const timer = await findTimer(key);
  if (!timer || timer.generation !== message.generation || timer.state !== 'dispatched') return 'stale';
  const { tenantId } = timer;
  const complaint = await findComplaint(tenantId, timer.subjectId);
  const taskId = timer.sk.startsWith('task#') ? timer.sk.slice('task#'.length) : undefined;
  const task = complaint?.tasks.find((candidate) => candidate.id === taskId);
  const wanted = taskTimerOf(task);
  if (!complaint || !task || wanted?.stage !== timer.stage) {
    await unlessAlreadyDone(message, () =>
      writeTransaction(tenantId, [dropTimerWrite(key, timer.generation)]),
    );
    return 'stale';
  }
  if (Date.parse(task.dueAt) > now.getTime() + 1_000) {
    throw new TaskTimerNotDueYet(`${timer.stage} is not due at ${now.toISOString()}`);
  }
  const members = await listMemberships(tenantId, complaint.storeId);
  const supervisors = members.filter((member) => member.roles.includes('supervisor')).map((m) => m.id);
  const escalated = markTaskEscalated(complaint, task.id, supervisors, now);
  const at = now.toISOString();
  const event = complaintEvent(
    complaint,
    'task_overdue',
    complaint.status,
    escalated.status,
    { actorId: 'timer', eventId: newId(now), now },
    `task ${task.id} (${task.assignee.name}) due ${task.dueAt}: escalated to ${supervisors.length} supervisor(s)`,
  );
  const applied = await unlessAlreadyDone(message, () =>
    writeTransaction(tenantId, [
      ...complaintWrites(tenantId, escalated, complaint, [event], {
        taskId: task.id,
        generation: timer.generation,
      }),
      ...supervisors.map((staffId) =>
        notificationWrite(tenantId, {
          id: newId(now),
          staffId,
          kind: 'complaint_task_overdue',
          complaintId: complaint.id,
          ticketId: complaint.ticketId,
          ticketNumber: complaint.ticketNumber,
          storeId: complaint.storeId,
          taskId: task.id,
          assignee: task.assignee.name,
          dueAt: task.dueAt,
          at,
        }),
      ),
    ]),
  );
  return applied ? 'applied' : 'duplicate';
}
