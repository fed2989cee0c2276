import { conflict, DomainError } from '../errors';
import type { TimelineEvent } from '../tickets/views';
import type {
  ComplaintStatus,
  ComplaintStepName,
  CreateComplaintInput,
  RecordComplaintStepInput,
} from './schema';
import type { Complaint, InvestigationTask } from './views';

/*
 * The complaint case's stage machine, pure: the case as read, the step, the actor and `now` in;
 * the new case and its timeline event out. Nothing else decides whether a step is legal.
 *
 *   registered --judge(valid | partly_valid)--> investigating --add_task / record_findings--> investigating
 *   registered --judge(not_valid, explanation)--> closed
 *   investigating --record_remedy (every task done)--> remedied --record_feedback--> fed_back
 *   fed_back --record_satisfaction--> closed
 */

/** The one status each step is taken from. */
export const stepFrom: Readonly<Record<ComplaintStepName, ComplaintStatus>> = {
  judge: 'registered',
  add_task: 'investigating',
  record_findings: 'investigating',
  record_remedy: 'investigating',
  record_feedback: 'remedied',
  record_satisfaction: 'fed_back',
};

/** A case holds at most this many investigation tasks (each has its own timer). */
export const maxTasks = 10;

export interface StepContext {
  readonly actorId: string;
  readonly now: Date;
  readonly eventId: string;
  /** For add_task: the new task's id, its assignee's name and its due time on the store calendar. */
  readonly task?: {
    readonly id: string;
    readonly assigneeName: string;
    readonly dueAt: string;
    /** Staff told of the task in their inbox (a department's members). */
    readonly notified?: readonly string[];
  };
}

export function complaintEvent(
  complaint: Pick<Complaint, 'id' | 'ticketId'>,
  step: string,
  from: ComplaintStatus | undefined,
  to: ComplaintStatus,
  context: Pick<StepContext, 'actorId' | 'eventId' | 'now'>,
  note?: string,
): TimelineEvent {
  return {
    id: context.eventId,
    ticketId: complaint.ticketId,
    kind: 'case_step',
    caseKind: 'complaint',
    caseId: complaint.id,
    step,
    ...(from ? { from } : {}),
    to,
    ...(note ? { note: note.slice(0, 500) } : {}),
    actorId: context.actorId,
    at: context.now.toISOString(),
  };
}

export function openComplaint(
  input: CreateComplaintInput,
  fields: {
    id: string;
    ticket: { id: string; number: string; storeId: string };
    respondentName?: string | undefined;
  },
  actorId: string,
  now: Date,
): Complaint {
  const at = now.toISOString();
  return {
    id: fields.id,
    ticketId: fields.ticket.id,
    ticketNumber: fields.ticket.number,
    storeId: fields.ticket.storeId,
    complainant: input.complainant,
    respondent: {
      kind: input.respondent.kind,
      ...(input.respondent.id ? { id: input.respondent.id } : {}),
      ...(fields.respondentName ? { name: fields.respondentName } : {}),
      ...(input.respondent.description ? { description: input.respondent.description } : {}),
    },
    category: input.category,
    content: input.content,
    claim: input.claim,
    receivedAt: input.receivedAt ? new Date(input.receivedAt).toISOString() : at,
    status: 'registered',
    tasks: [],
    createdBy: actorId,
    handledBy: actorId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

const refusedTask = (code: string, message: string) =>
  new DomainError('rule_refused', code, message, [{ in: 'body', path: 'taskId', message }]);

function changed(complaint: Complaint, context: StepContext, changes: Partial<Complaint>): Complaint {
  return {
    ...complaint,
    ...changes,
    handledBy: context.actorId,
    updatedAt: context.now.toISOString(),
    version: complaint.version + 1,
  };
}

/** One step of the case; a step the case's status does not take is a conflict, nothing changes. */
export function applyComplaintStep(
  complaint: Complaint,
  input: RecordComplaintStepInput,
  context: StepContext,
): { complaint: Complaint; event: TimelineEvent } {
  const from = complaint.status;
  if (stepFrom[input.step] !== from) {
    throw conflict(
      'complaint_status',
      `A ${from.replaceAll('_', ' ')} complaint takes no ${input.step.replaceAll('_', ' ')} step; that needs a ${stepFrom[input.step].replaceAll('_', ' ')} one.`,
    );
  }
  const at = context.now.toISOString();
  const { actorId } = context;
  const result = (next: Complaint, note: string) => ({
    complaint: next,
    event: complaintEvent(complaint, input.step, from, next.status, context, note),
  });
  switch (input.step) {
    case 'judge': {
      const notValid = input.validity === 'not_valid';
      const judgement = {
        validity: input.validity,
        reason: input.reason,
        ...(input.explanation ? { explanation: input.explanation } : {}),
        by: actorId,
        at,
      };
      const next = changed(complaint, context, {
        judgement,
        status: notValid ? 'closed' : 'investigating',
        ...(notValid ? { closedAt: at } : {}),
      });
      return result(next, `${input.validity}: ${input.reason}`);
    }
    case 'add_task': {
      const task = context.task;
      if (!task) throw new Error('add_task needs the task context');
      if (complaint.tasks.length >= maxTasks) {
        throw conflict('too_many_tasks', `A complaint holds at most ${maxTasks} investigation tasks.`);
      }
      const added: InvestigationTask = {
        id: task.id,
        assignee: { ...input.assignee, name: task.assigneeName },
        instructions: input.instructions,
        dueInBusinessHours: input.dueInBusinessHours,
        dueAt: task.dueAt,
        status: 'open',
        createdBy: actorId,
        createdAt: at,
      };
      return result(
        changed(complaint, context, { tasks: [...complaint.tasks, added] }),
        `task ${task.id} to ${input.assignee.kind} ${task.assigneeName}, due ${task.dueAt}` +
          (task.notified ? `; ${task.notified.length} member(s) told` : ''),
      );
    }
    case 'record_findings': {
      const task = complaint.tasks.find((candidate) => candidate.id === input.taskId);
      if (!task) throw refusedTask('task_not_found', 'No such task in this complaint.');
      if (task.status === 'done') throw conflict('task_done', 'The task already has its findings.');
      const done: InvestigationTask = {
        ...task,
        status: 'done',
        findings: input.findings,
        doneBy: actorId,
        doneAt: at,
      };
      return result(
        changed(complaint, context, {
          tasks: complaint.tasks.map((candidate) => (candidate.id === task.id ? done : candidate)),
        }),
        `task ${task.id}: ${input.findings}`,
      );
    }
    case 'record_remedy': {
      if (complaint.tasks.length === 0) {
        throw conflict('no_investigation', 'A valid complaint is investigated before its remedy.');
      }
      if (complaint.tasks.some((task) => task.status === 'open')) {
        throw conflict('tasks_open', 'Every investigation task needs its findings first.');
      }
      const remedy = {
        result: input.result,
        remedy: input.remedy,
        ...(input.amount !== undefined ? { amount: input.amount } : {}),
        by: actorId,
        at,
      };
      return result(changed(complaint, context, { remedy, status: 'remedied' }), input.remedy);
    }
    case 'record_feedback': {
      const feedback = {
        at: new Date(input.at).toISOString(),
        method: input.method,
        content: input.content,
        by: actorId,
      };
      return result(
        changed(complaint, context, { feedback, status: 'fed_back' }),
        `${input.method}: ${input.content}`,
      );
    }
    case 'record_satisfaction': {
      const satisfaction = {
        score: input.score,
        ...(input.comment ? { comment: input.comment } : {}),
        by: actorId,
        at,
      };
      return result(
        changed(complaint, context, { satisfaction, status: 'closed', closedAt: at }),
        `satisfaction ${input.score}`,
      );
    }
  }
}

/** What a task's timer must do next: escalate when overdue, once, while it is open. */
export function taskTimerOf(task: InvestigationTask | undefined) {
  return task && task.status === 'open' && !task.escalatedAt
    ? { stage: `overdue@${task.dueAt}`, dueAt: task.dueAt }
    : undefined;
}

/** The overdue task is escalated to these staff (the store's supervisors), once. */
export function markTaskEscalated(
  complaint: Complaint,
  taskId: string,
  recipients: readonly string[],
  now: Date,
): Complaint {
  const at = now.toISOString();
  return {
    ...complaint,
    tasks: complaint.tasks.map((task) =>
      task.id === taskId ? { ...task, escalatedAt: at, escalatedTo: [...recipients] } : task,
    ),
    updatedAt: at,
    version: complaint.version + 1,
  };
}
