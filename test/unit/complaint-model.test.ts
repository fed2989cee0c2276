import { describe, expect, it } from 'vitest';
import {
  applyComplaintStep,
  markTaskEscalated,
  maxTasks,
  openComplaint,
  type StepContext,
  stepFrom,
  taskTimerOf,
} from '../../shared/complaints/model';
import {
  type ComplaintStatus,
  complaintStatuses,
  type RecordComplaintStepInput,
  recordComplaintStepInput,
} from '../../shared/complaints/schema';
import type { Complaint } from '../../shared/complaints/views';
import { DomainError } from '../../shared/errors';

const now = new Date('2026-12-01T02:00:00Z');
const id = (n: number) => `01KB${String(n).padStart(22, '0')}`;
const context: StepContext = {
  actorId: 'handler-1',
  now,
  eventId: id(90),
  task: { id: id(50), assigneeName: '家具部', dueAt: '2026-12-02T02:00:00.000Z' },
};

const registered = (): Complaint =>
  openComplaint(
    {
      ticketId: id(1),
      complainant: { name: '王女士' },
      respondent: { kind: 'product', description: '衣柜' },
      category: 'product_quality',
      content: '衣柜门脱落',
      claim: { kinds: ['repair'] },
    },
    { id: id(2), ticket: { id: id(1), number: 'SH01-20261201-0001', storeId: id(3) } },
    'desk-1',
    now,
  );

const doneTask = {
  id: id(40),
  assignee: { kind: 'department' as const, id: id(41), name: '家具部' },
  instructions: '核实',
  dueInBusinessHours: 8,
  dueAt: '2026-12-01T10:00:00.000Z',
  status: 'done' as const,
  findings: '铰链松动',
  createdBy: 'handler-1',
  createdAt: now.toISOString(),
};
const openTask = { ...doneTask, id: id(42), status: 'open' as const, findings: undefined };

/** A case in each status, such that the one step taken from there succeeds. */
const inStatus = (status: ComplaintStatus): Complaint => {
  const base = registered();
  const judged = {
    ...base,
    judgement: { validity: 'valid' as const, reason: 'x', by: 'h', at: now.toISOString() },
  };
  switch (status) {
    case 'registered':
      return base;
    // An open task (findings can be recorded) would block the remedy: the remedy row uses `ready`.
    case 'investigating':
      return { ...judged, status, tasks: [doneTask, openTask] };
    case 'remedied':
      return { ...judged, status, tasks: [doneTask] };
    case 'fed_back':
      return { ...judged, status, tasks: [doneTask] };
    case 'closed':
      return { ...judged, status, tasks: [doneTask] };
  }
};

const steps: Record<RecordComplaintStepInput['step'], RecordComplaintStepInput> = {
  judge: { step: 'judge', version: 1, validity: 'valid', reason: '质量问题' },
  add_task: {
    step: 'add_task',
    version: 1,
    assignee: { kind: 'department', id: id(41) },
    instructions: '核实安装记录',
    dueInBusinessHours: 8,
  },
  record_findings: { step: 'record_findings', version: 1, taskId: id(42), findings: '安装不当' },
  record_remedy: { step: 'record_remedy', version: 1, result: '上门维修', remedy: '更换铰链并道歉' },
  record_feedback: {
    step: 'record_feedback',
    version: 1,
    at: '2026-12-03T10:00:00+08:00',
    method: 'phone',
    content: '告知维修安排',
  },
  record_satisfaction: { step: 'record_satisfaction', version: 1, score: 4 },
};

const expectedTo: Record<RecordComplaintStepInput['step'], ComplaintStatus> = {
  judge: 'investigating',
  add_task: 'investigating',
  record_findings: 'investigating',
  record_remedy: 'remedied',
  record_feedback: 'fed_back',
  record_satisfaction: 'closed',
};

const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'ok';
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
};

describe('the complaint stage machine (applyComplaintStep)', () => {
  for (const status of complaintStatuses) {
    for (const [name, input] of Object.entries(steps) as [
      RecordComplaintStepInput['step'],
      RecordComplaintStepInput,
    ][]) {
      const legal = stepFrom[name] === status;
      it(`${status} × ${name} → ${legal ? expectedTo[name] : '409 complaint_status'}`, () => {
        let before = inStatus(status);
        // The remedy needs every task done.
        if (name === 'record_remedy' && legal) before = { ...before, tasks: [doneTask] };
        if (!legal) {
          expect(codeOf(() => applyComplaintStep(before, input, context))).toBe('complaint_status');
          return;
        }
        const { complaint, event } = applyComplaintStep(before, input, context);
        expect(complaint.status).toBe(expectedTo[name]);
        expect(complaint.version).toBe(before.version + 1);
        expect(complaint.handledBy).toBe('handler-1');
        expect(event).toMatchObject({
          kind: 'case_step',
          caseKind: 'complaint',
          caseId: before.id,
          ticketId: before.ticketId,
          step: name,
          from: status,
          to: expectedTo[name],
        });
      });
    }
  }

  it('judge not_valid closes the case with the explanation; the schema demands the explanation', () => {
    const bare = recordComplaintStepInput.safeParse({
      step: 'judge',
      version: 1,
      validity: 'not_valid',
      reason: '人为损坏',
    });
    expect(bare.success).toBe(false);
    const { complaint } = applyComplaintStep(
      registered(),
      { step: 'judge', version: 1, validity: 'not_valid', reason: '人为损坏', explanation: '已向顾客说明' },
      context,
    );
    expect(complaint).toMatchObject({
      status: 'closed',
      closedAt: now.toISOString(),
      judgement: { validity: 'not_valid', explanation: '已向顾客说明', by: 'handler-1' },
    });
  });

  it('partly_valid goes on to the investigation like valid', () => {
    const { complaint } = applyComplaintStep(
      registered(),
      { step: 'judge', version: 1, validity: 'partly_valid', reason: '部分属实' },
      context,
    );
    expect(complaint.status).toBe('investigating');
  });

  it('the remedy needs at least one task and every task done', () => {
    const investigating = inStatus('investigating');
    expect(
      codeOf(() => applyComplaintStep({ ...investigating, tasks: [] }, steps.record_remedy, context)),
    ).toBe('no_investigation');
    expect(codeOf(() => applyComplaintStep(investigating, steps.record_remedy, context))).toBe('tasks_open');
  });

  it('findings: an unknown task is refused naming taskId, a done task is a conflict', () => {
    const investigating = inStatus('investigating');
    expect(
      codeOf(() =>
        applyComplaintStep(
          investigating,
          { ...steps.record_findings, taskId: id(77) } as RecordComplaintStepInput,
          context,
        ),
      ),
    ).toBe('task_not_found');
    expect(
      codeOf(() =>
        applyComplaintStep(
          investigating,
          { ...steps.record_findings, taskId: doneTask.id } as RecordComplaintStepInput,
          context,
        ),
      ),
    ).toBe('task_done');
  });

  it(`add_task: at most ${maxTasks} tasks; the new task is open, due when the context says`, () => {
    const full = { ...inStatus('investigating'), tasks: Array.from({ length: maxTasks }, () => doneTask) };
    expect(codeOf(() => applyComplaintStep(full, steps.add_task, context))).toBe('too_many_tasks');
    const { complaint } = applyComplaintStep(inStatus('investigating'), steps.add_task, context);
    expect(complaint.tasks.at(-1)).toMatchObject({
      id: id(50),
      status: 'open',
      dueAt: '2026-12-02T02:00:00.000Z',
      assignee: { kind: 'department', id: id(41), name: '家具部' },
    });
  });

  it('a task has a timer while it is open and not yet escalated, and none after', () => {
    expect(taskTimerOf(openTask)).toEqual({ stage: `overdue@${openTask.dueAt}`, dueAt: openTask.dueAt });
    expect(taskTimerOf(doneTask)).toBeUndefined();
    const escalated = markTaskEscalated(inStatus('investigating'), openTask.id, [id(60)], now);
    const task = escalated.tasks.find((candidate) => candidate.id === openTask.id);
    expect(task).toMatchObject({ escalatedAt: now.toISOString(), escalatedTo: [id(60)] });
    expect(taskTimerOf(task)).toBeUndefined();
  });
});
