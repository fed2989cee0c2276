import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startTimerRuntime, type TimerRuntime } from '../../infra/local/timer-runtime';
import type { Page } from '../../shared/db/cursor';
import type { LostItem } from '../../shared/lost-and-found/views';
import type { Notification } from '../../shared/notifications/inbox';
import { setClockOffset } from '../../shared/time/clock';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { badFields, invoke, problem } from '../kit/invoke';
import { enableFrontOffice } from '../kit/route-requests';
import { itemsOfTenant } from '../kit/table';

const repoRoot = new URL('../..', import.meta.url).pathname;
const setClock = (at: string) => setClockOffset(Date.parse(at) - Date.now());
let timers: TimerRuntime;
let desk: DeskFixture;

// Setup on a busy machine: a tenant, two stores and a team take more than the default 10 s hook.
beforeAll(async () => {
  timers = await startTimerRuntime({ repoRoot, intervals: false });
  desk = await deskFixture('lost-found');
  await enableFrontOffice(desk, desk.store.id);
}, 60_000);
afterAll(() => timers.stop());
afterEach(() => setClockOffset(0));

const found = (body: Record<string, unknown>) =>
  invoke<LostItem>('recordFoundItem', {
    caller: desk.as.desk,
    body: {
      storeId: desk.store.id,
      description: '黑色钱包',
      category: 'general',
      foundWhere: '1203',
      foundAt: '2026-11-27T10:00:00+08:00',
      foundBy: '客房部 张阿姨',
      storagePlace: '前台保险柜',
      ...body,
    },
  });
const reminders = async (lostItemId: string) =>
  (
    await invoke<Page<Notification>>('listNotifications', {
      caller: desk.as.supervisor,
      query: { limit: '100' },
    })
  ).body.items
    .filter((entry) => 'lostItemId' in entry && entry.lostItemId === lostItemId)
    .map((entry) => entry.kind);

describe('lost and found (宾客遗留物品)', () => {
  it('claimLostItem: takes the ID type and its last 4 characters only — a full number is refused and nothing is written', async () => {
    setClock('2026-11-27T11:00:00+08:00');
    const item = (await found({})).body;
    const claim = {
      version: 1,
      claimantName: '周先生',
      claimantDescription: '黑色皮夹，内有会员卡',
      idType: 'resident_id',
      signatureRef: 'LF-2026-0001',
    };
    const before = await itemsOfTenant(desk.tenant);
    const fullNumber = await invoke('claimLostItem', {
      caller: desk.as.desk,
      params: { lostItemId: item.id },
      body: { ...claim, idLast4: '11010519491231002X' },
    });
    expect(badFields(fullNumber)).toEqual(['body.idLast4']);
    const extraField = await invoke('claimLostItem', {
      caller: desk.as.desk,
      params: { lostItemId: item.id },
      body: { ...claim, idLast4: '002X', idNumber: '11010519491231002X' },
    });
    expect(extraField.status).toBe(400);
    expect(JSON.stringify(await itemsOfTenant(desk.tenant))).not.toContain('11010519491231002X');
    expect((await itemsOfTenant(desk.tenant)).length).toBe(before.length);

    const claimed = await invoke<LostItem>('claimLostItem', {
      caller: desk.as.desk,
      params: { lostItemId: item.id },
      body: { ...claim, idLast4: '002x' },
    });
    expect(claimed.body).toMatchObject({
      status: 'claimed',
      claim: { idType: 'resident_id', idLast4: '002X' },
    });
    setClock('2027-03-01T11:00:00+08:00');
    await timers.settle();
    expect(await reminders(item.id)).toEqual([]);
  });

  it('fireLostItemTimer, disposeLostItem: at the end of retention the desk and duty managers are reminded once; disposal is refused before it', async () => {
    setClock('2026-11-27T11:00:00+08:00');
    const item = (await found({ description: '蛋糕', category: 'perishables' })).body;
    expect(item.retainUntil).toBe('2026-11-28T02:00:00.000Z');
    const early = await invoke('disposeLostItem', {
      caller: desk.as.supervisor,
      params: { lostItemId: item.id },
      body: { version: 1, how: 'disposed' },
    });
    expect(problem(early).code).toBe('retention_not_over');

    setClock('2026-11-28T10:00:05+08:00');
    await timers.sweep();
    const mine = timers.queues.peek('revisit').filter((body) => body.includes(item.id));
    expect(mine).toHaveLength(1);
    timers.queues.sendRaw('revisit', mine[0] ?? '');
    timers.queues.sendRaw('revisit', mine[0] ?? '');
    await timers.queues.drain();
    setClock('2026-11-29T10:00:00+08:00');
    await timers.settle();
    expect(await reminders(item.id)).toEqual(['lost_item_retention_ended']);
    const reminded = (
      await invoke<LostItem>('getLostItem', { caller: desk.as.desk, params: { lostItemId: item.id } })
    ).body;
    expect(reminded).toMatchObject({ status: 'held', version: 2 });

    const disposed = await invoke<LostItem>('disposeLostItem', {
      caller: desk.as.supervisor,
      params: { lostItemId: item.id },
      body: { version: 2, how: 'disposed', note: '已变质', receiptRef: 'D-0001' },
    });
    expect(disposed.body).toMatchObject({
      status: 'disposed',
      disposal: { how: 'disposed', receiptRef: 'D-0001' },
    });
    expect(disposed.body.history.map((entry) => entry.what)).toEqual([
      'found',
      'retention_ended',
      'disposed',
    ]);
    const listed = await invoke<Page<LostItem>>('listLostItems', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id, status: 'disposed' },
    });
    expect(listed.body.items.map((entry) => entry.id)).toContain(item.id);
  });
});
