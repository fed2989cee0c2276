import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startTimerRuntime, type TimerRuntime } from '../../infra/local/timer-runtime';
import type { Page } from '../../shared/db/cursor';
import { guestMessageTimerKey } from '../../shared/guest-messages/entities';
import type { GuestMessage } from '../../shared/guest-messages/views';
import type { Notification } from '../../shared/notifications/inbox';
import { setClockOffset } from '../../shared/time/clock';
import { findTimer } from '../../shared/timers/repository';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { admin, freshTenant, invoke, problem } from '../kit/invoke';
import { enableFrontOffice } from '../kit/route-requests';
import { itemsOfTenant } from '../kit/table';

const repoRoot = new URL('../..', import.meta.url).pathname;
const setClock = (at: string) => setClockOffset(Date.parse(at) - Date.now());
let timers: TimerRuntime;
let desk: DeskFixture;

beforeAll(async () => {
  timers = await startTimerRuntime({ repoRoot, intervals: false });
  desk = await deskFixture('guest-messages');
  await enableFrontOffice(desk, desk.store.id);
}, 60_000);
afterAll(() => timers.stop());
afterEach(() => setClockOffset(0));

const take = (body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  invoke<GuestMessage>('createGuestMessage', {
    caller: desk.as.desk,
    headers,
    body: { storeId: desk.store.id, room: '1203', from: '李经理', content: '请回电 13800138000', ...body },
  });
const reminders = async (guestMessageId: string) =>
  (
    await invoke<Page<Notification>>('listNotifications', { caller: desk.as.desk, query: { limit: '100' } })
  ).body.items
    .filter((entry) => 'guestMessageId' in entry && entry.guestMessageId === guestMessageId)
    .map((entry) => entry.kind);

describe('guest messages (宾客留言单)', () => {
  it('createGuestMessage, fireGuestMessageTimer, acknowledgeGuestMessage: undelivered after 2 hours → the desk is reminded exactly once, even when the message comes three times', async () => {
    setClock('2026-11-27T09:00:00+08:00');
    const message = (await take()).body;
    expect(message).toMatchObject({ status: 'undelivered', takenBy: desk.as.desk.userId });
    expect(Date.parse(message.remindAt) - Date.parse(message.takenAt)).toBe(2 * 3_600_000);
    setClock('2026-11-27T10:59:00+08:00');
    await timers.settle();
    expect(await reminders(message.id)).toEqual([]);

    setClock('2026-11-27T11:00:05+08:00');
    await timers.sweep();
    const mine = timers.queues.peek('revisit').filter((body) => body.includes(message.id));
    expect(mine).toHaveLength(1);
    timers.queues.sendRaw('revisit', mine[0] ?? '');
    timers.queues.sendRaw('revisit', mine[0] ?? '');
    await timers.queues.drain();
    setClock('2026-11-28T11:00:00+08:00');
    await timers.settle();
    expect(await reminders(message.id)).toEqual(['guest_message_undelivered']);
    expect(await findTimer(guestMessageTimerKey(desk.tenant, message.id))).toBeUndefined();

    const read = await invoke<GuestMessage>('acknowledgeGuestMessage', {
      caller: desk.as.desk,
      params: { guestMessageId: message.id },
      body: { version: 2, note: '客人来前台看过' },
    });
    expect(read.body).toMatchObject({ status: 'acknowledged', version: 3 });
    expect(read.body.history.map((entry) => entry.what)).toEqual([
      'taken',
      'undelivered_reminded',
      'acknowledged',
    ]);
  });

  it('deliverGuestMessage: delivered in time → no reminder ever; a stale version is a 409; twice is a 409', async () => {
    setClock('2026-11-27T09:00:00+08:00');
    const message = (await take({ room: undefined, guestName: '王先生' })).body;
    expect(await findTimer(guestMessageTimerKey(desk.tenant, message.id))).toBeDefined();
    const stale = await invoke('deliverGuestMessage', {
      caller: desk.as.desk,
      params: { guestMessageId: message.id },
      body: { version: 2, how: 'under_door' },
    });
    expect(stale.status).toBe(409);
    expect(problem(stale).code).toBe('version_conflict');
    const delivered = await invoke<GuestMessage>('deliverGuestMessage', {
      caller: desk.as.desk,
      params: { guestMessageId: message.id },
      body: { version: 1, how: 'message_light' },
    });
    expect(delivered.body).toMatchObject({ status: 'delivered', delivery: { how: 'message_light' } });
    expect(await findTimer(guestMessageTimerKey(desk.tenant, message.id))).toBeUndefined();
    setClock('2026-11-27T12:00:00+08:00');
    await timers.settle();
    expect(await reminders(message.id)).toEqual([]);
    const again = await invoke('deliverGuestMessage', {
      caller: desk.as.desk,
      params: { guestMessageId: message.id },
      body: { version: 2, how: 'in_person' },
    });
    expect(again.status).toBe(409);
    expect(problem(again).code).toBe('guest_message_delivered');
  });

  it('createGuestMessage: a retry with the same Idempotency-Key returns the first message and writes nothing; bad input writes nothing', async () => {
    setClock('2026-11-27T09:00:00+08:00');
    const key = { 'Idempotency-Key': `msg-${Date.now()}` };
    const first = await take({ content: '晚上七点在大堂等您' }, key);
    expect(first.status).toBe(201);
    const count = (await itemsOfTenant(desk.tenant)).length;
    const retry = await take({ content: '晚上七点在大堂等您' }, key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect((await itemsOfTenant(desk.tenant)).length).toBe(count);

    const nobody = await take({ room: undefined });
    expect(nobody.status).toBe(400);
    const empty = await take({ content: '' });
    expect(empty.status).toBe(400);
    expect((await itemsOfTenant(desk.tenant)).length).toBe(count);
  });

  it('getGuestMessage, listGuestMessages: another tenant gets 404; a technician is refused; the list holds what is undelivered, oldest first', async () => {
    setClock('2026-11-27T09:00:00+08:00');
    const older = (await take({ content: '第一条' })).body;
    setClock('2026-11-27T09:05:00+08:00');
    const newer = (await take({ content: '第二条' })).body;
    const stranger = await invoke('getGuestMessage', {
      caller: admin(freshTenant('guest-messages-other')),
      params: { guestMessageId: older.id },
    });
    expect(stranger.status).toBe(404);
    const tech = await invoke('getGuestMessage', {
      caller: desk.as.tech,
      params: { guestMessageId: older.id },
    });
    expect(tech.status).toBe(403);
    const techTakes = await invoke('createGuestMessage', {
      caller: desk.as.tech,
      body: { storeId: desk.store.id, room: '1203', from: 'x', content: 'y' },
    });
    expect(techTakes.status).toBe(403);
    const page = await invoke<Page<GuestMessage>>('listGuestMessages', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id, limit: '100' },
    });
    const ids = page.body.items.map((item) => item.id);
    expect(ids.indexOf(older.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(page.body.items.every((item) => item.status === 'undelivered')).toBe(true);
  });
});
