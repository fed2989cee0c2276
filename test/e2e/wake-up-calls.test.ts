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
type WakeUpCall = Json & {
  id: string;
  seriesId: string;
  date: string;
  status: string;
  version: number;
  nextId?: string;
  calls: { n: number; dueAt: string; toldAt?: string; escalatedAt?: string; outcome?: string }[];
  history: { what: string }[];
};
const team = { desk: ['front_desk'], duty: ['supervisor'] } as const;

describe('wake-up calls (叫醒服务) on the local clock', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'service-desk-wake-up-'));
  let service: LocalService | undefined;
  let api: ApiClient;
  let storeId = '';
  afterAll(async () => {
    await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, e2eTimeout());

  // Tokens expire by the controllable clock as well: one minted per call.
  const asAdmin = () => api.token({ tenantId: 'hotel', userId: 'boss', roles: ['admin'] });
  const as = (name: keyof typeof team) =>
    api.token({ tenantId: 'hotel', userId: name, roles: [...team[name]], storeIds: [storeId] });
  const setClock = async (iso: string) => {
    expect((await api.call('POST', '/local/clock', { body: { set: iso } })).status).toBe(200);
  };
  const read = async (id: string) =>
    (await api.call<WakeUpCall>('GET', `/v1/wake-up-calls/${id}`, { token: await as('desk') })).body;
  const record = async (id: string, body: Json, who: keyof typeof team = 'desk') => {
    const current = await read(id);
    const result = await api.call<WakeUpCall>('POST', `/v1/wake-up-calls/${id}/attempts`, {
      token: await as(who),
      body: { version: current.version, ...body },
    });
    expect(result.status).toBe(201);
    return result.body;
  };
  const book = async (body: Json) => {
    const result = await api.call<WakeUpCall>('POST', '/v1/wake-up-calls', {
      token: await as('desk'),
      body: { storeId, guestName: '王先生', ...body },
    });
    expect(result.status).toBe(201);
    return result.body;
  };
  /** The inbox entries about one wake-up call, oldest first, as `kind:call`. */
  const inbox = async (who: keyof typeof team, id: string) =>
    (
      await api.call<{ items: Json[] }>('GET', '/v1/me/notifications?limit=100', { token: await as(who) })
    ).body.items
      .filter((entry) => entry.wakeUpCallId === id)
      .map((entry) => `${entry.kind}:${entry.call}`)
      .reverse();
  const local = (iso: string | undefined) =>
    new Date(Date.parse(iso ?? '') + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

  it('createWakeUpCall, recordWakeUpAttempt: a 06:30 wake-up is told at 06:30, unanswered at 06:30, 06:32 and 06:34, and a person is sent', {
    timeout: e2eTimeout(1),
  }, async () => {
    service = await startLocalService({ DATA_DIR: dataDir });
    api = apiClient(service.url);
    await setClock('2026-11-27T21:00:00+08:00');
    const store = await api.call<Json>('POST', '/v1/stores', {
      token: await asAdmin(),
      body: { code: 'VNA01', name: '维也纳酒店', kind: 'hotel' },
    });
    storeId = store.body.id as string;
    for (const [name, roles] of Object.entries(team)) {
      const created = await api.call('POST', '/v1/staff', {
        token: await asAdmin(),
        body: { name, roles, storeIds: [storeId], userId: name },
      });
      expect(created.status).toBe(201);
    }
    const call = await book({ room: '1203', date: '2026-11-28', time: '06:30' });
    expect(call.dueAt).toBe('2026-11-27T22:30:00.000Z');

    await setClock('2026-11-28T06:29:00+08:00');
    expect(await inbox('desk', call.id)).toEqual([]);
    // SQS delays are whole seconds: a few seconds after the time the desk has been told.
    await setClock('2026-11-28T06:30:05+08:00');
    expect(await inbox('desk', call.id)).toEqual(['wake_up_due:1']);
    expect(local((await read(call.id)).calls[0]?.toldAt)).toMatch(/^2026-11-28 06:30:0/);

    await setClock('2026-11-28T06:30:10+08:00');
    await record(call.id, { outcome: 'no_answer' });
    await setClock('2026-11-28T06:32:15+08:00');
    expect(await inbox('desk', call.id)).toEqual(['wake_up_due:1', 'wake_up_due:2']);
    await setClock('2026-11-28T06:32:20+08:00');
    await record(call.id, { outcome: 'no_answer' });
    await setClock('2026-11-28T06:34:25+08:00');
    expect(await inbox('desk', call.id)).toEqual(['wake_up_due:1', 'wake_up_due:2', 'wake_up_due:3']);
    await setClock('2026-11-28T06:34:30+08:00');
    const third = await record(call.id, { outcome: 'no_answer', note: '三次无人接听' });
    expect(third.status).toBe('visit_needed');
    expect(await inbox('duty', call.id)).toEqual(['wake_up_visit_needed:3']);

    await setClock('2026-11-28T06:40:00+08:00');
    const visited = await record(
      call.id,
      { outcome: 'visited', visitedBy: 'duty_manager', visitResult: 'guest_woken' },
      'duty',
    );
    expect(visited).toMatchObject({ status: 'done', closedAs: 'visited' });
    expect(visited.calls.map((entry) => `${local(entry.toldAt).slice(11, 16)} ${entry.outcome}`)).toEqual([
      '06:30 no_answer',
      '06:32 no_answer',
      '06:34 no_answer',
    ]);
    // Nothing more, however long the clock runs: no escalation of a call that was recorded.
    await setClock('2026-11-28T06:50:00+08:00');
    expect(await inbox('desk', call.id)).toEqual(['wake_up_due:1', 'wake_up_due:2', 'wake_up_due:3']);
    expect(await inbox('duty', call.id)).toEqual(['wake_up_visit_needed:3']);
  });

  it('createWakeUpCall, listWakeUpCalls: a daily wake-up until a date books each next day when the day’s call ends, and no further', {
    timeout: e2eTimeout(0),
  }, async () => {
    const first = await book({
      room: '0808',
      date: '2026-11-29',
      time: '07:00',
      repeat: 'daily',
      until: '2026-12-01',
    });
    let id = first.id;
    const days: string[] = [];
    for (const date of ['2026-11-29', '2026-11-30', '2026-12-01']) {
      await setClock(`${date}T07:00:05+08:00`);
      expect(await inbox('desk', id)).toEqual(['wake_up_due:1']);
      await setClock(`${date}T07:00:30+08:00`);
      const answered = await record(id, { outcome: 'answered' });
      expect(answered).toMatchObject({ status: 'done', closedAs: 'answered', seriesId: first.id, date });
      days.push(date);
      if (!answered.nextId) break;
      const listed = await api.call<{ items: WakeUpCall[] }>(
        'GET',
        `/v1/wake-up-calls?storeId=${storeId}&date=${answered.date === '2026-11-29' ? '2026-11-30' : '2026-12-01'}`,
        { token: await as('desk') },
      );
      expect(listed.body.items.map((entry) => entry.id)).toEqual([answered.nextId]);
      id = answered.nextId;
    }
    expect(days).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect((await read(id)).nextId).toBeUndefined();
    const after = await api.call<{ items: WakeUpCall[] }>(
      'GET',
      `/v1/wake-up-calls?storeId=${storeId}&date=2026-12-02`,
      {
        token: await as('desk'),
      },
    );
    expect(after.body.items).toEqual([]);
  });

  it('fireWakeUpTimer: a restart of the local timer runtime between two calls changes nothing — each step once', {
    timeout: e2eTimeout(1),
  }, async () => {
    const call = await book({ room: '1501', date: '2026-12-02', time: '06:30' });
    await setClock('2026-12-02T06:30:05+08:00');
    expect(await inbox('desk', call.id)).toEqual(['wake_up_due:1']);
    await setClock('2026-12-02T06:30:10+08:00');
    await record(call.id, { outcome: 'no_answer' });
    // 06:31: call 2 (06:32:10) is inside the sweeper's look-ahead and claimed with a delay…
    await setClock('2026-12-02T06:31:00+08:00');
    expect(await service?.stop()).toBe(0); // …and the service stops before delivering it.
    service = await startLocalService({ DATA_DIR: dataDir });
    api = apiClient(service.url);

    await setClock('2026-12-02T06:32:30+08:00'); // the claim's lease still runs: nothing yet
    expect(await inbox('desk', call.id)).toEqual(['wake_up_due:1']);
    // Lease over (06:38:10): told once; the call is past its 5 minutes, so the duty manager too.
    await setClock('2026-12-02T06:38:30+08:00');
    expect(await inbox('desk', call.id)).toEqual(['wake_up_due:1', 'wake_up_due:2']);
    expect(await inbox('duty', call.id)).toEqual(['wake_up_overdue:2']);
    await setClock('2026-12-02T06:39:00+08:00');
    await record(call.id, { outcome: 'answered' });
    await setClock('2026-12-02T07:30:00+08:00');
    expect(await inbox('desk', call.id)).toEqual(['wake_up_due:1', 'wake_up_due:2']);
    expect(await inbox('duty', call.id)).toEqual(['wake_up_overdue:2']);
    const history = (await read(call.id)).history.map((entry) => entry.what);
    expect(history).toEqual([
      'requested',
      'told',
      'call_recorded',
      'told',
      'escalated',
      'call_recorded',
      'done',
    ]);
  });
});
