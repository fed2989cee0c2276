import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  apiClient,
  e2eTimeout,
  type LocalService,
  startLocalService,
} from '../kit/local-service';

type Json = Record<string, unknown>;
type Task = { id: string; dueAt: string; status: string; escalatedAt?: string };
type Complaint = Json & { id: string; ticketId: string; status: string; version: number; tasks: Task[] };
const team = {
  desk: ['front_desk'],
  handler: ['complaint_handler'],
  sup: ['supervisor'],
  mgr: ['manager'],
  tech: ['technician'],
} as const;

describe('complaint cases (投诉处理) over HTTP on the local clock', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'service-desk-complaints-'));
  let service: LocalService | undefined;
  let api: ApiClient;
  let storeId = '';
  const staffIds: Record<string, string> = {};
  afterAll(async () => {
    await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, e2eTimeout());

  // Tokens expire by the controllable clock as well: one minted per call.
  const asAdmin = () => api.token({ tenantId: 'supermarket', userId: 'boss', roles: ['admin'] });
  const as = (name: keyof typeof team) =>
    api.token({ tenantId: 'supermarket', userId: name, roles: [...team[name]], storeIds: [storeId] });
  const setClock = async (iso: string) => {
    expect((await api.call('POST', '/local/clock', { body: { set: iso } })).status).toBe(200);
  };
  const read = async (id: string) =>
    (await api.call<Complaint>('GET', `/v1/complaints/${id}`, { token: await as('handler') })).body;
  const ticketStatus = async (ticketId: string) =>
    (await api.call<Json>('GET', `/v1/tickets/${ticketId}`, { token: await as('desk') })).body.status;
  const step = async (id: string, body: Json) => {
    const current = await read(id);
    const result = await api.call<Complaint>('POST', `/v1/complaints/${id}/steps`, {
      token: await as('handler'),
      body: { version: current.version, ...body },
    });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    return result.body;
  };
  const open = async (respondent: Json) => {
    const ticket = await api.call<Json>('POST', '/v1/tickets', {
      token: await as('desk'),
      body: { storeId, type: 'complaint', channel: 'walk_in', subject: '购买的牛奶过期' },
    });
    expect(ticket.status).toBe(201);
    const created = await api.call<Complaint>('POST', '/v1/complaints', {
      token: await as('desk'),
      headers: { 'idempotency-key': `complaint-${ticket.body.id}` },
      body: {
        ticketId: ticket.body.id,
        complainant: { name: '赵女士', phone: '13800138000' },
        respondent,
        category: 'product_quality',
        content: '昨天购买的牛奶已过保质期',
        claim: { kinds: ['refund', 'compensation'], detail: '退款并按规定赔偿' },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  };
  const overdueNotices = async (who: keyof typeof team, complaintId: string) =>
    (
      await api.call<{ items: Json[] }>('GET', '/v1/me/notifications?limit=100', { token: await as(who) })
    ).body.items.filter(
      (entry) => entry.kind === 'complaint_task_overdue' && entry.complaintId === complaintId,
    );

  it('createComplaint, recordComplaintStep: judged not valid, the explanation is recorded and the ticket closes', {
    timeout: e2eTimeout(1),
  }, async () => {
    service = await startLocalService({ DATA_DIR: dataDir });
    api = apiClient(service.url);
    await setClock('2026-12-04T10:00:00+08:00'); // a Friday
    const store = await api.call<Json>('POST', '/v1/stores', {
      token: await asAdmin(),
      body: { code: 'PDL01', name: '胖东来超市' },
    });
    storeId = store.body.id as string;
    const calendar = await api.call('PUT', `/v1/stores/${storeId}/calendar`, {
      token: await asAdmin(),
      body: {
        weekly: Object.fromEntries(
          ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [
            day,
            ['sat', 'sun'].includes(day) ? [] : [{ start: '09:00', end: '18:00' }],
          ]),
        ),
      },
    });
    expect(calendar.status).toBe(200);
    for (const [name, roles] of Object.entries(team)) {
      const created = await api.call<Json>('POST', '/v1/staff', {
        token: await asAdmin(),
        body: { name, roles, storeIds: [storeId], userId: name },
      });
      expect(created.status).toBe(201);
      staffIds[name] = created.body.id as string;
    }

    const complaint = await open({ kind: 'product', description: '某品牌鲜牛奶 950ml' });
    expect(complaint.status).toBe('registered');
    const closed = await step(complaint.id, {
      step: 'judge',
      validity: 'not_valid',
      reason: '小票显示购买于上月，非本店近期售出',
      explanation: '已向顾客出示购买记录并耐心解释，顾客表示理解',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      judgement: { validity: 'not_valid', explanation: '已向顾客出示购买记录并耐心解释，顾客表示理解' },
    });
    expect(await ticketStatus(complaint.ticketId)).toBe('closed');
    const timeline = await api.call<{ items: Json[] }>(
      'GET',
      `/v1/tickets/${complaint.ticketId}/timeline?limit=100`,
      { token: await as('desk') },
    );
    expect(
      timeline.body.items.map((event) => (event.kind === 'case_step' ? event.step : event.kind)),
    ).toEqual(['created', 'registered', 'judge', 'status_changed', 'status_changed']);
  });

  it('recordComplaintStep: a valid complaint with two department tasks, one overdue (escalated once, across a restart of the local service), feedback and satisfaction', {
    timeout: e2eTimeout(2),
  }, async () => {
    const department = async (name: string, members: string[]) => {
      const created = await api.call<Json>('POST', '/v1/departments', {
        token: await as('mgr'),
        body: { storeId, name, members },
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    const dairy = await department('乳品课', [staffIds.tech ?? '']);
    const quality = await department('品控部', [staffIds.mgr ?? '']);
    await setClock('2026-12-07T10:00:00+08:00'); // Monday
    const complaint = await open({ kind: 'department', id: dairy });
    await step(complaint.id, { step: 'judge', validity: 'valid', reason: '货架上仍有同批次过期牛奶' });
    await step(complaint.id, {
      step: 'add_task',
      assignee: { kind: 'department', id: dairy },
      instructions: '清查货架同批次商品，说明未及时下架的原因',
      dueInBusinessHours: 2,
    });
    const withTasks = await step(complaint.id, {
      step: 'add_task',
      assignee: { kind: 'department', id: quality },
      instructions: '核查临期商品巡检记录',
      dueInBusinessHours: 8,
    });
    const [dairyTask, qualityTask] = withTasks.tasks as [Task, Task];
    // Two business hours from 10:00 (the local clock runs on: a few seconds later).
    const lateBy = Date.parse(dairyTask.dueAt) - Date.parse('2026-12-07T12:00:00+08:00');
    expect(lateBy).toBeGreaterThanOrEqual(0);
    expect(lateBy).toBeLessThan(60_000);

    // The quality department answers in time: its task is done, its timer gone.
    await setClock('2026-12-07T11:00:00+08:00');
    await step(complaint.id, {
      step: 'record_findings',
      taskId: qualityTask.id,
      findings: '巡检漏查冷柜第三层',
    });
    // 11:50: the dairy task (12:00) is inside the sweeper's look-ahead and claimed with a delay…
    await setClock('2026-12-07T11:50:00+08:00');
    expect(await service?.stop()).toBe(0); // …and the service stops before delivering it.
    service = await startLocalService({ DATA_DIR: dataDir });
    api = apiClient(service.url);
    await setClock('2026-12-07T12:01:00+08:00'); // the claim's lease still runs: nothing yet
    expect(await overdueNotices('sup', complaint.id)).toEqual([]);
    // Lease over (12:06): escalated to the store's supervisors, once.
    await setClock('2026-12-07T12:07:00+08:00');
    expect(await overdueNotices('sup', complaint.id)).toHaveLength(1);
    expect(await overdueNotices('mgr', complaint.id)).toEqual([]);
    await setClock('2026-12-08T12:00:00+08:00');
    expect(await overdueNotices('sup', complaint.id)).toHaveLength(1);
    expect((await read(complaint.id)).tasks[0]?.escalatedAt).toBeDefined();

    await step(complaint.id, {
      step: 'record_findings',
      taskId: dairyTask.id,
      findings: '夜班理货员未执行临期下架',
    });
    await step(complaint.id, {
      step: 'record_remedy',
      result: '投诉成立：过期商品未及时下架',
      remedy: '退款并按规定赔偿，乳品课全员培训',
      amount: 100_00,
    });
    await step(complaint.id, {
      step: 'record_feedback',
      at: '2026-12-08T14:00:00+08:00',
      method: 'phone',
      content: '电话告知调查结果、赔偿和整改措施',
    });
    expect(await ticketStatus(complaint.ticketId)).not.toBe('closed');
    const done = await step(complaint.id, { step: 'record_satisfaction', score: 5, comment: '很满意' });
    expect(done).toMatchObject({ status: 'closed', satisfaction: { score: 5 } });
    expect(await ticketStatus(complaint.ticketId)).toBe('closed');
    expect(await overdueNotices('sup', complaint.id)).toHaveLength(1);

    const register = await api.call<{ items: Complaint[] }>(
      'GET',
      `/v1/complaints?storeId=${storeId}&validity=valid&status=closed&from=2026-12-07T00:00:00%2B08:00&to=2026-12-08T00:00:00%2B08:00`,
      { token: await as('handler') },
    );
    expect(register.status).toBe(200);
    expect(register.body.items.map((item) => item.id)).toEqual([complaint.id]);
  });
});
