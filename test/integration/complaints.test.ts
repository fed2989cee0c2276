import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startTimerRuntime, type TimerRuntime } from '../../infra/local/timer-runtime';
import { fireComplaintTaskTimer } from '../../shared/complaints/timers';
import type { Complaint } from '../../shared/complaints/views';
import type { Page } from '../../shared/db/cursor';
import type { Department } from '../../shared/departments/views';
import type { Merchant } from '../../shared/merchants/views';
import type { Notification } from '../../shared/notifications/views';
import type { Ticket, TimelineEvent } from '../../shared/tickets/views';
import { currentTime, setClockOffset } from '../../shared/time/clock';
import { weekdaysNineToSix } from '../kit/bodies';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { badFields, type Caller, freshTenant, invoke, admin as otherAdmin, problem } from '../kit/invoke';
import { itemsOfTenant } from '../kit/table';

const repoRoot = new URL('../..', import.meta.url).pathname;
const setClock = (at: string) => setClockOffset(Date.parse(at) - Date.now());
let timers: TimerRuntime;
let desk: DeskFixture;
let stranger: Caller;

beforeAll(async () => {
  timers = await startTimerRuntime({ repoRoot, intervals: false });
  desk = await deskFixture('complaints');
  stranger = otherAdmin(freshTenant('complaints-other'));
}, 60_000);
afterAll(() => timers.stop());
afterEach(() => setClockOffset(0));

let serial = 0;
const countOf = async (entity: string) =>
  (await itemsOfTenant(desk.tenant)).filter((item) => item.entity === entity).length;

async function department(members: string[] = [desk.staff.supervisor.id]): Promise<Department> {
  const created = await invoke<Department>('createDepartment', {
    caller: desk.as.manager,
    body: { storeId: desk.store.id, name: `家具部 ${serial++}`, members },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function merchant(storeId = desk.store.id): Promise<Merchant> {
  return (
    await invoke<Merchant>('createMerchant', {
      caller: desk.admin,
      body: {
        storeId,
        name: `林氏木业 ${serial++}`,
        licenceNumber: '91310000MA1FL0XX1X',
        contact: { name: 'Lin', phone: '13900002222' },
        categories: ['furniture'],
        contractStart: '2026-01-01',
        contractEnd: '2027-12-31',
        depositRequired: 0,
      },
    })
  ).body;
}

async function complaintTicket(type = 'complaint'): Promise<Ticket> {
  return (
    await invoke<Ticket>('createTicket', {
      caller: desk.as.desk,
      body: { storeId: desk.store.id, type, channel: 'hotline', subject: '衣柜门脱落' },
    })
  ).body;
}

const complaintBody = (
  ticketId: string,
  respondent: Record<string, unknown> = { kind: 'product', description: '衣柜' },
) => ({
  ticketId,
  complainant: { name: '王女士', phone: '13800138000' },
  respondent,
  category: 'product_quality',
  content: '新买的衣柜门三天就脱落了',
  claim: { kinds: ['repair', 'apology'], detail: '上门维修并道歉' },
});

async function newComplaint(respondent?: Record<string, unknown>): Promise<Complaint> {
  const ticket = await complaintTicket();
  const created = await invoke<Complaint>('createComplaint', {
    caller: desk.as.desk,
    body: complaintBody(ticket.id, respondent),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

const step = (complaintId: string, body: Record<string, unknown>, caller: Caller = desk.as.handler) =>
  invoke<Complaint>('recordComplaintStep', { caller, params: { complaintId }, body });

async function stepOk(complaint: Complaint, body: Record<string, unknown>): Promise<Complaint> {
  const result = await step(complaint.id, { ...body, version: complaint.version });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body;
}

const timelineOf = async (ticketId: string) =>
  (
    await invoke<Page<TimelineEvent>>('ticketTimeline', {
      caller: desk.as.desk,
      params: { ticketId },
      query: { limit: '100' },
    })
  ).body.items;

const complaintSteps = (events: readonly TimelineEvent[]) =>
  events.flatMap((event) =>
    event.kind === 'case_step' && event.caseKind === 'complaint' ? [event.step] : [],
  );

const ticketOf = async (ticketId: string) =>
  (await invoke<Ticket>('getTicket', { caller: desk.as.desk, params: { ticketId } })).body;

const timersOf = async (complaintId: string) =>
  (await itemsOfTenant(desk.tenant)).filter(
    (item) => item.entity === 'timer' && item.subjectId === complaintId,
  );

const overdueNotices = async (caller: Caller, complaintId: string) =>
  (
    await invoke<Page<Notification>>('listNotifications', { caller, query: { limit: '100' } })
  ).body.items.filter(
    (notice) => notice.kind === 'complaint_task_overdue' && notice.complaintId === complaintId,
  );

describe('departments (部门)', () => {
  it('createDepartment, getDepartment, updateDepartment: once per Idempotency-Key; members replaced at the version read, a stale version is 409', async () => {
    const headers = { 'idempotency-key': `dept-${desk.tenant}` };
    const body = { storeId: desk.store.id, name: '售后服务部', members: [desk.staff.handler.id] };
    const first = await invoke<Department>('createDepartment', { caller: desk.as.manager, body, headers });
    const retry = await invoke<Department>('createDepartment', { caller: desk.as.manager, body, headers });
    expect(first.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(first.body).toMatchObject({
      storeId: desk.store.id,
      members: [desk.staff.handler.id],
      version: 1,
    });
    const got = await invoke<Department>('getDepartment', {
      caller: desk.as.tech,
      params: { departmentId: first.body.id },
    });
    expect(got.body).toEqual(first.body);
    const updated = await invoke<Department>('updateDepartment', {
      caller: desk.as.manager,
      params: { departmentId: first.body.id },
      body: { version: 1, members: [desk.staff.handler.id, desk.staff.tech.id], name: '客服部' },
    });
    expect(updated.body).toMatchObject({
      version: 2,
      name: '客服部',
      members: [desk.staff.handler.id, desk.staff.tech.id],
    });
    const stale = await invoke('updateDepartment', {
      caller: desk.as.manager,
      params: { departmentId: first.body.id },
      body: { version: 1, name: '旧名' },
    });
    expect([stale.status, problem(stale).code]).toEqual([409, 'version_conflict']);
    const stored = await invoke<Department>('getDepartment', {
      caller: desk.as.desk,
      params: { departmentId: first.body.id },
    });
    expect(stored.body.name).toBe('客服部');
  });

  it('createDepartment: a member of another store, or no staff at all, is refused naming the entry; nothing is written', async () => {
    const before = await countOf('department');
    const refused = await invoke('createDepartment', {
      caller: desk.as.manager,
      body: {
        storeId: desk.store.id,
        name: '维修部',
        members: [desk.staff.tech.id, desk.staff.elsewhere.id, '01KB0000000000000000000099'],
      },
    });
    expect([refused.status, problem(refused).code]).toEqual([422, 'staff_not_found']);
    expect(badFields(refused)).toEqual(['body.members.1', 'body.members.2']);
    const duplicated = await invoke('createDepartment', {
      caller: desk.as.manager,
      body: { storeId: desk.store.id, name: '维修部', members: [desk.staff.tech.id, desk.staff.tech.id] },
    });
    expect(duplicated.status).toBe(400);
    expect(await countOf('department')).toBe(before);
  });

  it('createDepartment, listDepartments: tenant-wide departments are the admins’; a store’s list and the tenant’s list are apart', async () => {
    const managerTries = await invoke('createDepartment', {
      caller: desk.as.manager,
      body: { name: '质量管理部' },
    });
    expect([managerTries.status, problem(managerTries).code]).toEqual([403, 'tenant_wide_only']);
    const deskTries = await invoke('createDepartment', {
      caller: desk.as.desk,
      body: { storeId: desk.store.id, name: '前台' },
    });
    expect([deskTries.status, problem(deskTries).code]).toEqual([403, 'role_not_allowed']);
    const tenantWide = await invoke<Department>('createDepartment', {
      caller: desk.admin,
      body: { name: '质量管理部', members: [desk.staff.manager.id] },
    });
    expect(tenantWide.status).toBe(201);
    const ofStore = await department();
    const storeList = await invoke<Page<Department>>('listDepartments', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id, limit: '100' },
    });
    expect(storeList.body.items.map((item) => item.id)).toContain(ofStore.id);
    expect(storeList.body.items.map((item) => item.id)).not.toContain(tenantWide.body.id);
    const tenantList = await invoke<Page<Department>>('listDepartments', {
      caller: desk.as.desk,
      query: { limit: '100' },
    });
    expect(tenantList.body.items.map((item) => item.id)).toEqual([tenantWide.body.id]);
    // Visible to store staff, changed only by tenant-wide staff.
    const managerEdits = await invoke('updateDepartment', {
      caller: desk.as.manager,
      params: { departmentId: tenantWide.body.id },
      body: { version: 1, name: '质量部' },
    });
    expect([managerEdits.status, problem(managerEdits).code]).toEqual([403, 'tenant_wide_only']);
  });

  it('createDepartment, updateDepartment: serviceCenter marks a store’s department as its service center and unmarks it; a tenant-wide one is 400 naming serviceCenter, nothing written', async () => {
    const tenantWide = await invoke('createDepartment', {
      caller: desk.admin,
      body: { name: '集团客服', serviceCenter: true },
    });
    expect([tenantWide.status, badFields(tenantWide)]).toEqual([400, ['body.serviceCenter']]);
    const before = await countOf('department');
    const legal = await invoke<Department>('createDepartment', {
      caller: desk.admin,
      body: { name: '法务' },
    });
    const refused = await invoke('updateDepartment', {
      caller: desk.admin,
      params: { departmentId: legal.body.id },
      body: { serviceCenter: true, version: legal.body.version },
    });
    expect([refused.status, badFields(refused)]).toEqual([400, ['body.serviceCenter']]);
    expect(await countOf('department')).toBe(before + 1);
    const center = await invoke<Department>('createDepartment', {
      caller: desk.as.manager,
      body: { storeId: desk.store.id, name: '服务中心', serviceCenter: true },
    });
    expect([center.status, center.body.serviceCenter]).toEqual([201, true]);
    const unmarked = await invoke<Department>('updateDepartment', {
      caller: desk.as.manager,
      params: { departmentId: center.body.id },
      body: { serviceCenter: false, version: center.body.version },
    });
    expect([unmarked.status, 'serviceCenter' in unmarked.body]).toEqual([200, false]);
  });

  it('getDepartment, updateDepartment: another tenant’s department is 404', async () => {
    const ofStore = await department();
    const got = await invoke('getDepartment', { caller: stranger, params: { departmentId: ofStore.id } });
    expect(got.status).toBe(404);
    const changed = await invoke('updateDepartment', {
      caller: stranger,
      params: { departmentId: ofStore.id },
      body: { version: 1, name: 'x' },
    });
    expect(changed.status).toBe(404);
  });
});

describe('complaint cases (投诉处理)', () => {
  it('createComplaint: records the case on its complaint ticket once per Idempotency-Key; one case per ticket', async () => {
    const ticket = await complaintTicket();
    const shop = await merchant();
    const headers = { 'idempotency-key': `complaint-${ticket.id}` };
    const body = complaintBody(ticket.id, { kind: 'merchant', id: shop.id });
    const first = await invoke<Complaint>('createComplaint', { caller: desk.as.desk, body, headers });
    const retry = await invoke<Complaint>('createComplaint', { caller: desk.as.desk, body, headers });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(first.body).toMatchObject({
      status: 'registered',
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      storeId: desk.store.id,
      respondent: { kind: 'merchant', id: shop.id, name: shop.name },
      tasks: [],
      version: 1,
    });
    const second = await invoke('createComplaint', { caller: desk.as.desk, body });
    expect([second.status, problem(second).code]).toEqual([409, 'complaint_exists']);
    expect(complaintSteps(await timelineOf(ticket.id))).toEqual(['registered']);
  });

  it('createComplaint: not on a repair ticket, not about another store’s merchant, not by a technician; bad input names the fields; nothing is written', async () => {
    const before = await countOf('complaint');
    const repair = await invoke('createComplaint', {
      caller: desk.as.desk,
      body: complaintBody((await complaintTicket('repair')).id),
    });
    expect([repair.status, problem(repair).code]).toEqual([422, 'ticket_not_complaint']);
    const elsewhere = await merchant(desk.otherStore.id);
    const wrongStore = await invoke('createComplaint', {
      caller: desk.as.desk,
      body: complaintBody((await complaintTicket()).id, { kind: 'merchant', id: elsewhere.id }),
    });
    expect([wrongStore.status, badFields(wrongStore)]).toEqual([422, ['body.respondent.id']]);
    const technician = await invoke('createComplaint', {
      caller: desk.as.tech,
      body: complaintBody((await complaintTicket()).id),
    });
    expect([technician.status, problem(technician).code]).toEqual([403, 'role_not_allowed']);
    const bad = await invoke('createComplaint', {
      caller: desk.as.desk,
      body: {
        ...complaintBody((await complaintTicket()).id, { kind: 'staff' }),
        category: 'noise',
        claim: { kinds: [] },
      },
    });
    expect(bad.status).toBe(400);
    expect(badFields(bad)).toEqual(
      expect.arrayContaining(['body.respondent.description', 'body.category', 'body.claim.kinds']),
    );
    expect(await countOf('complaint')).toBe(before);
    expect(await countOf('ticket_complaint')).toBe(before);
  });

  it('recordComplaintStep: judged not valid, the explanation is recorded and the case closes its ticket in the same write', async () => {
    const complaint = await newComplaint();
    const early = await step(complaint.id, {
      version: 1,
      step: 'add_task',
      assignee: { kind: 'department', id: (await department()).id },
      instructions: '核实',
      dueInBusinessHours: 8,
    });
    expect([early.status, problem(early).code]).toEqual([409, 'complaint_status']);
    const bare = await step(complaint.id, {
      version: 1,
      step: 'judge',
      validity: 'not_valid',
      reason: '人为损坏',
    });
    expect([bare.status, badFields(bare)]).toEqual([400, ['body.explanation']]);
    const closed = await stepOk(complaint, {
      step: 'judge',
      validity: 'not_valid',
      reason: '人为损坏，不属质量问题',
      explanation: '已向顾客出示安装验收单并解释',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      version: 2,
      judgement: {
        validity: 'not_valid',
        explanation: '已向顾客出示安装验收单并解释',
        by: desk.as.handler.userId,
      },
    });
    expect(closed.closedAt).toBeDefined();
    const ticket = await ticketOf(complaint.ticketId);
    expect(ticket).toMatchObject({
      status: 'closed',
      resolution: expect.stringContaining('已向顾客出示安装验收单'),
    });
    const events = await timelineOf(complaint.ticketId);
    expect(complaintSteps(events)).toEqual(['registered', 'judge']);
    expect(events.flatMap((event) => (event.kind === 'status_changed' ? [event.to] : []))).toEqual([
      'resolved',
      'closed',
    ]);
    const again = await step(complaint.id, { version: 2, step: 'record_satisfaction', score: 3 });
    expect([again.status, problem(again).code]).toEqual([409, 'complaint_status']);
  });

  it('recordComplaintStep: a stale version is 409, another tenant’s case is 404, a technician is refused; nothing changes', async () => {
    const complaint = await newComplaint();
    const judge = { step: 'judge', validity: 'valid', reason: '属实' };
    const stale = await step(complaint.id, { ...judge, version: 5 });
    expect([stale.status, problem(stale).code]).toEqual([409, 'version_conflict']);
    const foreign = await step(complaint.id, { ...judge, version: 1 }, stranger);
    expect(foreign.status).toBe(404);
    expect(
      (await invoke('getComplaint', { caller: stranger, params: { complaintId: complaint.id } })).status,
    ).toBe(404);
    const technician = await step(complaint.id, { ...judge, version: 1 }, desk.as.tech);
    expect([technician.status, problem(technician).code]).toEqual([403, 'role_not_allowed']);
    const elsewhere = await step(
      complaint.id,
      { ...judge, version: 1 },
      { ...desk.as.supervisor, storeIds: [desk.otherStore.id] },
    );
    expect([elsewhere.status, problem(elsewhere).code]).toEqual([403, 'store_out_of_scope']);
    const bad = await step(complaint.id, { version: 1, step: 'judge', validity: 'maybe', reason: '' });
    expect(bad.status).toBe(400);
    const stored = await invoke<Complaint>('getComplaint', {
      caller: desk.as.desk,
      params: { complaintId: complaint.id },
    });
    expect(stored.body).toEqual(complaint);
    expect(complaintSteps(await timelineOf(complaint.ticketId))).toEqual(['registered']);
  });

  it('recordComplaintStep: add_task to a department tells each of its members in their inbox once, in the step’s write; a merchant’s task tells no staff', async () => {
    const team = await department([desk.staff.tech.id, desk.staff.tech2.id]);
    const shop = await merchant();
    let complaint = await newComplaint();
    complaint = await stepOk(complaint, { step: 'judge', validity: 'valid', reason: '属实' });
    const told = async (caller: Caller) =>
      (
        await invoke<Page<Notification>>('listNotifications', { caller, query: { limit: '100' } })
      ).body.items.filter(
        (notice) => notice.kind === 'complaint_task_assigned' && notice.complaintId === complaint.id,
      );
    complaint = await stepOk(complaint, {
      step: 'add_task',
      assignee: { kind: 'department', id: team.id },
      instructions: '核实送货安装记录',
      dueInBusinessHours: 8,
    });
    const [task] = complaint.tasks as [Complaint['tasks'][number]];
    for (const member of [desk.as.tech, desk.as.tech2]) {
      expect(await told(member)).toEqual([
        expect.objectContaining({
          taskId: task.id,
          ticketId: complaint.ticketId,
          ticketNumber: complaint.ticketNumber,
          assignee: team.name,
          dueAt: task.dueAt,
        }),
      ]);
    }
    expect(await told(desk.as.supervisor)).toEqual([]);
    const notices = await countOf('notification');
    complaint = await stepOk(complaint, {
      step: 'add_task',
      assignee: { kind: 'merchant', id: shop.id },
      instructions: '商户说明批次',
      dueInBusinessHours: 8,
    });
    expect(await countOf('notification')).toBe(notices);
    const taskEvents = (await timelineOf(complaint.ticketId)).flatMap((event) =>
      event.kind === 'case_step' && event.step === 'add_task' ? [event.note] : [],
    );
    expect(taskEvents).toEqual([
      expect.stringContaining('2 member(s) told'),
      expect.not.stringContaining('told'),
    ]);
  });

  it('recordComplaintStep, fireComplaintTaskTimer: a valid complaint, two tasks due in store business hours; the overdue one escalates to the supervisors once; remedy, feedback, satisfaction close the case and the ticket', async () => {
    const saved = await invoke('putStoreCalendar', {
      caller: desk.admin,
      params: { storeId: desk.store.id },
      body: { weekly: weekdaysNineToSix() },
    });
    expect(saved.status).toBe(200);
    const furniture = await department([desk.staff.tech.id]);
    const shop = await merchant();
    setClock('2026-12-04T16:00:00+08:00'); // a Friday: 2 business hours left, then Monday 09:00
    let complaint = await newComplaint({ kind: 'department', id: furniture.id });
    complaint = await stepOk(complaint, {
      step: 'judge',
      validity: 'partly_valid',
      reason: '门铰链质量问题属实',
    });
    expect(complaint.status).toBe('investigating');
    complaint = await stepOk(complaint, {
      step: 'add_task',
      assignee: { kind: 'department', id: furniture.id },
      instructions: '核实安装记录',
      dueInBusinessHours: 4,
    });
    complaint = await stepOk(complaint, {
      step: 'add_task',
      assignee: { kind: 'merchant', id: shop.id },
      instructions: '商户说明铰链批次',
      dueInBusinessHours: 16,
    });
    const [late, onTime] = complaint.tasks as [Complaint['tasks'][number], Complaint['tasks'][number]];
    expect(late.assignee).toEqual({ kind: 'department', id: furniture.id, name: furniture.name });
    expect(onTime.assignee).toEqual({ kind: 'merchant', id: shop.id, name: shop.name });
    // 4 business hours from Friday 16:00 is Monday 11:00; the test clock runs on, by under a minute.
    const lateDue = Date.parse(late.dueAt) - Date.parse('2026-12-07T11:00:00+08:00');
    expect(lateDue).toBeGreaterThanOrEqual(0);
    expect(lateDue).toBeLessThan(60_000);
    expect(Date.parse(onTime.dueAt)).toBeGreaterThanOrEqual(Date.parse('2026-12-08T09:00:00+08:00'));
    expect(await timersOf(complaint.id)).toHaveLength(2);
    const lateTimer = (await timersOf(complaint.id)).find((timer) => timer.sk === `task#${late.id}`);
    expect(lateTimer).toBeDefined();

    const remedyTooSoon = await step(complaint.id, {
      version: complaint.version,
      step: 'record_remedy',
      result: 'x',
      remedy: 'y',
    });
    expect([remedyTooSoon.status, problem(remedyTooSoon).code]).toEqual([409, 'tasks_open']);

    // The merchant answers on Monday morning: its task is done and its timer gone.
    setClock('2026-12-07T10:00:00+08:00');
    complaint = await stepOk(complaint, {
      step: 'record_findings',
      taskId: onTime.id,
      findings: '该批次铰链有缺陷',
    });
    expect((await timersOf(complaint.id)).map((timer) => timer.sk)).toEqual([`task#${late.id}`]);
    await timers.settle();
    expect(await overdueNotices(desk.as.supervisor, complaint.id)).toEqual([]);

    setClock('2026-12-07T11:02:00+08:00');
    await timers.settle();
    await timers.settle();
    const notices = await overdueNotices(desk.as.supervisor, complaint.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      taskId: late.id,
      assignee: furniture.name,
      ticketId: complaint.ticketId,
    });
    expect(await overdueNotices(desk.as.manager, complaint.id)).toEqual([]);
    expect(await overdueNotices(desk.as.tech, complaint.id)).toEqual([]);
    expect(await timersOf(complaint.id)).toEqual([]);
    // A duplicate delivery of the same step changes nothing.
    const duplicate = await fireComplaintTaskTimer(
      {
        kind: 'complaint_task',
        pk: String(lateTimer?.pk),
        sk: String(lateTimer?.sk),
        generation: Number(lateTimer?.generation),
      },
      currentTime(),
    );
    expect(duplicate).toBe('stale');
    setClock('2026-12-09T11:00:00+08:00');
    await timers.settle();
    expect(await overdueNotices(desk.as.supervisor, complaint.id)).toHaveLength(1);

    complaint = (
      await invoke<Complaint>('getComplaint', {
        caller: desk.as.handler,
        params: { complaintId: complaint.id },
      })
    ).body;
    expect(complaint.tasks[0]).toMatchObject({ escalatedTo: [desk.staff.supervisor.id] });
    complaint = await stepOk(complaint, {
      step: 'record_findings',
      taskId: late.id,
      findings: '安装时未拧紧',
    });
    complaint = await stepOk(complaint, {
      step: 'record_remedy',
      result: '铰链缺陷属实，安装不当',
      remedy: '免费更换铰链，赠送保养一次',
      amount: 20_000,
    });
    complaint = await stepOk(complaint, {
      step: 'record_feedback',
      at: '2026-12-09T15:00:00+08:00',
      method: 'phone',
      content: '电话告知处理结果和上门时间',
    });
    expect((await ticketOf(complaint.ticketId)).status).not.toBe('closed');
    complaint = await stepOk(complaint, { step: 'record_satisfaction', score: 4, comment: '基本满意' });
    expect(complaint).toMatchObject({
      status: 'closed',
      satisfaction: { score: 4 },
      feedback: { method: 'phone', at: '2026-12-09T07:00:00.000Z' },
    });
    expect((await ticketOf(complaint.ticketId)).status).toBe('closed');
    expect(complaintSteps(await timelineOf(complaint.ticketId))).toEqual([
      'registered',
      'judge',
      'add_task',
      'add_task',
      'record_findings',
      'task_overdue',
      'record_findings',
      'record_remedy',
      'record_feedback',
      'record_satisfaction',
    ]);
  }, 60_000);

  it('listComplaints: the register of a store by period, validity and status', async () => {
    const valid = await newComplaint();
    const judgedValid = await stepOk(valid, { step: 'judge', validity: 'valid', reason: '属实' });
    const notValid = await newComplaint();
    await stepOk(notValid, { step: 'judge', validity: 'not_valid', reason: '不属实', explanation: '已解释' });
    const waiting = await newComplaint();
    const list = async (query: Record<string, string>) => {
      const result = await invoke<Page<Complaint>>('listComplaints', {
        caller: desk.as.handler,
        query: { storeId: desk.store.id, limit: '100', ...query },
      });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      return result.body.items.map((item) => item.id);
    };
    const period = { from: valid.createdAt, to: new Date(Date.parse(waiting.createdAt) + 1).toISOString() };
    expect(await list(period)).toEqual([waiting.id, notValid.id, valid.id]);
    expect(await list({ ...period, validity: 'valid' })).toEqual([judgedValid.id]);
    expect(await list({ ...period, validity: 'not_valid', status: 'closed' })).toEqual([notValid.id]);
    expect(await list({ ...period, validity: 'valid', status: 'closed' })).toEqual([]);
    expect(await list({ ...period, status: 'registered' })).toEqual([waiting.id]);
    expect(await list({ to: '2020-01-01T00:00:00Z' })).toEqual([]);
    const elsewhere = await invoke('listComplaints', {
      caller: desk.as.handler,
      query: { storeId: desk.otherStore.id },
    });
    expect([elsewhere.status, problem(elsewhere).code]).toEqual([403, 'store_out_of_scope']);
  });
});
