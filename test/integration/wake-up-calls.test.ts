import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startTimerRuntime, type TimerRuntime } from '../../infra/local/timer-runtime';
import type { Page } from '../../shared/db/cursor';
import type { Notification } from '../../shared/notifications/inbox';
import type { Store } from '../../shared/stores/views';
import { setClockOffset } from '../../shared/time/clock';
import { findTimer } from '../../shared/timers/repository';
import { wakeUpTimerKey } from '../../shared/wake-up-calls/entities';
import type { WakeUpCall } from '../../shared/wake-up-calls/views';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { admin, type Caller, freshTenant, invoke, problem } from '../kit/invoke';
import { enableFrontOffice } from '../kit/route-requests';
import { itemsOfTenant } from '../kit/table';

const repoRoot = new URL('../..', import.meta.url).pathname;
const setClock = (at: string) => setClockOffset(Date.parse(at) - Date.now());
let timers: TimerRuntime;
let desk: DeskFixture;

// Setup on a busy machine: a tenant, two stores and a team take more than the default 10 s hook.
beforeAll(async () => {
  timers = await startTimerRuntime({ repoRoot, intervals: false });
  desk = await deskFixture('wake-up');
  await enableFrontOffice(desk, desk.store.id);
}, 60_000);
afterAll(() => timers.stop());
afterEach(() => setClockOffset(0));

const book = (body: Record<string, unknown>, caller: Caller = desk.as.desk, key?: string) =>
  invoke<WakeUpCall>('createWakeUpCall', {
    caller,
    body: { storeId: desk.store.id, room: '1203', guestName: '王先生', ...body },
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
const read = async (id: string) =>
  (await invoke<WakeUpCall>('getWakeUpCall', { caller: desk.as.desk, params: { wakeUpCallId: id } })).body;
const attempt = (call: WakeUpCall, body: Record<string, unknown>, caller: Caller = desk.as.desk) =>
  invoke<WakeUpCall>('recordWakeUpAttempt', {
    caller,
    params: { wakeUpCallId: call.id },
    body: { version: call.version, ...body },
  });
const inbox = async (caller: Caller, wakeUpCallId: string) =>
  (await invoke<Page<Notification>>('listNotifications', { caller, query: { limit: '100' } })).body.items
    .filter((entry) => 'wakeUpCallId' in entry && entry.wakeUpCallId === wakeUpCallId)
    .map((entry) => `${entry.kind}:${'call' in entry ? entry.call : ''}`)
    .reverse();

describe('wake-up calls', () => {
  it('createWakeUpCall: only where the ledgers are on (hotels by default), idempotent, never in the past', async () => {
    setClock('2026-11-27T22:00:00+08:00');
    const tenant = freshTenant('wake-up-stores');
    const boss = admin(tenant);
    const [hotel, mall] = (await Promise.all(
      [
        { code: 'HZ01', name: '维也纳酒店', kind: 'hotel' },
        { code: 'MALL1', name: '红星美凯龙', kind: 'mall' },
      ].map(async (body) => (await invoke<Store>('createStore', { caller: boss, body })).body),
    )) as [Store, Store];
    const body = { room: '0808', guestName: '赵女士', date: '2026-11-28', time: '07:00' };
    const atMall = await invoke('createWakeUpCall', { caller: boss, body: { ...body, storeId: mall.id } });
    expect(atMall.status).toBe(422);
    expect(problem(atMall).code).toBe('front_office_disabled');
    expect((await itemsOfTenant(tenant)).filter((item) => item.entity === 'wake_up_call')).toEqual([]);

    const first = await invoke<WakeUpCall>('createWakeUpCall', {
      caller: boss,
      body: { ...body, storeId: hotel.id },
      headers: { 'idempotency-key': 'wake-0808' },
    });
    const again = await invoke<WakeUpCall>('createWakeUpCall', {
      caller: boss,
      body: { ...body, storeId: hotel.id },
      headers: { 'idempotency-key': 'wake-0808' },
    });
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({
      status: 'scheduled',
      dueAt: '2026-11-27T23:00:00.000Z',
      timezone: 'Asia/Shanghai',
      takenBy: boss.userId,
      rules: { retryMinutes: 2, maxCalls: 3, overdueMinutes: 5 },
    });
    expect((await itemsOfTenant(tenant)).filter((item) => item.entity === 'wake_up_call')).toHaveLength(1);

    const past = await invoke('createWakeUpCall', {
      caller: boss,
      body: { ...body, time: '21:59', date: '2026-11-27', storeId: hotel.id },
    });
    expect(problem(past).code).toBe('wake_up_in_past');

    // A mall may switch the ledgers on, with its own rules.
    const current = (await invoke<Store>('getStore', { caller: boss, params: { storeId: mall.id } })).body;
    const updated = await invoke<Store>('updateStore', {
      caller: boss,
      params: { storeId: mall.id },
      body: { version: current.version, frontOffice: { enabled: true, wakeUp: { maxCalls: 2 } } },
    });
    expect(updated.body.frontOffice).toMatchObject({
      enabled: true,
      wakeUp: { retryMinutes: 2, maxCalls: 2, overdueMinutes: 5 },
    });
    const atMallNow = await invoke<WakeUpCall>('createWakeUpCall', {
      caller: boss,
      body: { ...body, storeId: mall.id },
    });
    expect(atMallNow.body.rules.maxCalls).toBe(2);
  });

  it('fireWakeUpTimer, recordWakeUpAttempt: told at 06:30, three unanswered calls, a person sent; each step once however often delivered', async () => {
    setClock('2026-11-27T22:00:00+08:00');
    const booked = (await book({ room: '1501', date: '2026-11-28', time: '06:30' })).body;
    setClock('2026-11-28T06:29:00+08:00');
    await timers.settle();
    expect(await inbox(desk.as.desk, booked.id)).toEqual([]);

    // 06:30: the sweep claims the timer; its message is delivered three times.
    setClock('2026-11-28T06:30:00+08:00');
    await timers.sweep();
    const mine = timers.queues.peek('revisit').filter((body) => body.includes(booked.id));
    expect(mine).toHaveLength(1);
    timers.queues.sendRaw('revisit', mine[0] ?? '');
    timers.queues.sendRaw('revisit', mine[0] ?? '');
    await timers.queues.drain();
    let call = await read(booked.id);
    expect(call.status).toBe('calling');
    expect(call.history.filter((entry) => entry.what === 'told')).toHaveLength(1);
    expect(await inbox(desk.as.desk, booked.id)).toEqual(['wake_up_due:1']);

    for (const [n, when] of [
      [1, '2026-11-28T06:30:20+08:00'],
      [2, '2026-11-28T06:32:20+08:00'],
    ] as const) {
      setClock(when);
      const missed = await attempt(call, { outcome: 'no_answer' });
      expect(missed.status).toBe(201);
      // Again 2 minutes after the no-answer was recorded (the clock ran on a little since `when`).
      const again = Date.parse(missed.body.calls.at(-1)?.dueAt ?? '') - Date.parse(when);
      expect(again).toBeGreaterThanOrEqual(120_000);
      expect(again).toBeLessThan(130_000);
      setClock(new Date(Date.parse(when) + 110_000).toISOString());
      await timers.settle();
      expect((await read(call.id)).calls.at(-1)?.toldAt).toBeUndefined();
      // SQS delays are whole seconds: a few seconds past the call's time it has been delivered.
      setClock(new Date(Date.parse(when) + again + 5_000).toISOString());
      await timers.settle();
      call = await read(call.id);
      expect(call.calls.at(-1)).toMatchObject({ n: n + 1, toldAt: expect.any(String) });
    }
    setClock('2026-11-28T06:34:40+08:00');
    const third = await attempt(call, { outcome: 'no_answer', note: '第三次无人接听' });
    expect(third.body.status).toBe('visit_needed');
    expect(await inbox(desk.as.supervisor, booked.id)).toEqual(['wake_up_visit_needed:3']);
    expect(await inbox(desk.as.manager, booked.id)).toEqual(['wake_up_visit_needed:3']);
    expect(await findTimer(wakeUpTimerKey(desk.tenant, booked.id))).toBeUndefined();

    setClock('2026-11-28T06:41:00+08:00');
    const visited = await attempt(
      third.body,
      {
        outcome: 'visited',
        visitedBy: 'duty_manager',
        visitResult: 'guest_woken',
      },
      desk.as.supervisor,
    );
    expect(visited.body).toMatchObject({ status: 'done', closedAs: 'visited' });
    setClock('2026-11-28T08:00:00+08:00');
    await timers.settle();
    expect(await inbox(desk.as.desk, booked.id)).toEqual(['wake_up_due:1', 'wake_up_due:2', 'wake_up_due:3']);
    expect(await inbox(desk.as.supervisor, booked.id)).toEqual(['wake_up_visit_needed:3']);
    expect((await read(booked.id)).history.map((entry) => entry.what)).toEqual([
      'requested',
      'told',
      'call_recorded',
      'told',
      'call_recorded',
      'told',
      'call_recorded',
      'visit_requested',
      'visit_recorded',
      'done',
    ]);
  });

  it('fireWakeUpTimer: a call unrecorded 5 minutes after its time escalates to the duty managers once', async () => {
    setClock('2026-11-28T05:00:00+08:00');
    const booked = (await book({ room: '1502', date: '2026-11-28', time: '06:30' })).body;
    setClock('2026-11-28T06:30:00+08:00');
    await timers.settle();
    setClock('2026-11-28T06:34:00+08:00');
    await timers.settle();
    expect(await inbox(desk.as.supervisor, booked.id)).toEqual([]);
    setClock('2026-11-28T06:35:05+08:00');
    await timers.settle();
    expect(await inbox(desk.as.supervisor, booked.id)).toEqual(['wake_up_overdue:1']);
    setClock('2026-11-28T07:35:00+08:00');
    await timers.settle();
    expect(await inbox(desk.as.supervisor, booked.id)).toEqual(['wake_up_overdue:1']);
    expect(await inbox(desk.as.desk, booked.id)).toEqual(['wake_up_due:1']);
    const late = await attempt(await read(booked.id), { outcome: 'answered', note: '客人已起床' });
    expect(late.body).toMatchObject({ status: 'done', closedAs: 'answered' });
  });

  it('recordWakeUpAttempt, cancelWakeUpCall: stale versions are 409 and write nothing; do-not-disturb is the duty manager’s', async () => {
    setClock('2026-11-28T05:00:00+08:00');
    const booked = (await book({ room: '1503', date: '2026-11-28', time: '05:10' })).body;
    setClock('2026-11-28T05:10:00+08:00');
    await timers.settle();
    const call = await read(booked.id);
    const stale = await attempt({ ...call, version: 1 }, { outcome: 'answered' });
    expect(stale.status).toBe(409);
    expect(await read(booked.id)).toEqual(call);
    const dnd = (await attempt(call, { outcome: 'do_not_disturb' })).body;
    expect(dnd.status).toBe('awaiting_decision');
    const byDesk = await attempt(dnd, { outcome: 'decided', decision: 'leave' });
    expect(byDesk.status).toBe(403);
    expect(problem(byDesk).code).toBe('duty_manager_decides');
    const left = await attempt(
      dnd,
      { outcome: 'decided', decision: 'leave', note: '客人挂了请勿打扰' },
      desk.as.manager,
    );
    expect(left.body).toMatchObject({
      status: 'done',
      closedAs: 'left_per_dnd',
      decision: { decision: 'leave' },
    });

    const other = (await book({ room: '1504', date: '2026-11-29', time: '06:00' })).body;
    expect(await findTimer(wakeUpTimerKey(desk.tenant, other.id))).toBeDefined();
    const cancel = (version: number) =>
      invoke<WakeUpCall>('cancelWakeUpCall', {
        caller: desk.as.desk,
        params: { wakeUpCallId: other.id },
        body: { version, reason: '客人退房' },
      });
    expect((await cancel(2)).status).toBe(409);
    const cancelled = await cancel(1);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', closedAs: 'cancelled' });
    expect(await findTimer(wakeUpTimerKey(desk.tenant, other.id))).toBeUndefined();
    setClock('2026-11-29T07:00:00+08:00');
    await timers.settle();
    expect(await inbox(desk.as.desk, other.id)).toEqual([]);
  });

  it('listWakeUpCalls: the store’s calls of one local day by time; other stores 403, other tenants 404', async () => {
    setClock('2026-11-29T20:00:00+08:00');
    const late = (await book({ room: '0301', date: '2026-11-30', time: '07:15' })).body;
    const early = (await book({ room: '0302', date: '2026-11-30', time: '05:45' })).body;
    await book({ room: '0303', date: '2026-12-01', time: '05:00' });
    const page = await invoke<Page<WakeUpCall>>('listWakeUpCalls', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id, date: '2026-11-30' },
    });
    expect(page.body.items.map((call) => call.id)).toEqual([early.id, late.id]);
    const elsewhere = await invoke('listWakeUpCalls', {
      caller: desk.as.elsewhere,
      query: { storeId: desk.store.id, date: '2026-11-30' },
    });
    expect(elsewhere.status).toBe(403);
    const stranger = await invoke('getWakeUpCall', {
      caller: admin(freshTenant('wake-up')),
      params: { wakeUpCallId: late.id },
    });
    expect(stranger.status).toBe(404);
  });
});
