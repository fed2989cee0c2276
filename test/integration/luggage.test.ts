import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startTimerRuntime, type TimerRuntime } from '../../infra/local/timer-runtime';
import type { Page } from '../../shared/db/cursor';
import { luggageTimerKey } from '../../shared/luggage/entities';
import type { Luggage } from '../../shared/luggage/views';
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
let serial = 0;
const freshTag = () => `T${Date.now().toString(36)}${serial++}`.toUpperCase();

beforeAll(async () => {
  timers = await startTimerRuntime({ repoRoot, intervals: false });
  desk = await deskFixture('luggage');
  await enableFrontOffice(desk, desk.store.id);
  await enableFrontOffice(desk, desk.otherStore.id);
}, 60_000);
afterAll(() => timers.stop());
afterEach(() => setClockOffset(0));

const store = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  invoke<Luggage>('storeLuggage', {
    caller: desk.as.desk,
    headers,
    body: {
      storeId: desk.store.id,
      pieces: 2,
      description: '黑色拉杆箱两个',
      location: '行李房 A 架',
      guestName: '王先生',
      room: '1203',
      expectedPickUpAt: '2026-11-28T18:00:00+08:00',
      ...body,
    },
  });
const pickUp = (luggage: Luggage, body: Record<string, unknown>) =>
  invoke<Luggage>('pickUpLuggage', {
    caller: desk.as.desk,
    params: { luggageId: luggage.id },
    body: { version: luggage.version, ...body },
  });
const reminders = async (luggageId: string) =>
  (
    await invoke<Page<Notification>>('listNotifications', { caller: desk.as.desk, query: { limit: '100' } })
  ).body.items
    .filter((entry) => 'luggageId' in entry && entry.luggageId === luggageId)
    .map((entry) => entry.kind);

describe('luggage storage (行李寄存)', () => {
  it('storeLuggage: ten concurrent stores of the same tag → exactly one stored, nine 409 luggage_tag_taken', async () => {
    setClock('2026-11-27T09:00:00+08:00');
    const tag = freshTag();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => store({ tagNumber: tag, guestName: `客人 ${i}` })),
    );
    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    expect(
      results.filter((result) => result.status === 409).every((r) => problem(r).code === 'luggage_tag_taken'),
    ).toBe(true);
    const records = (await itemsOfTenant(desk.tenant)).filter(
      (item) => item.entity === 'luggage' && item.tagNumber === tag,
    );
    expect(records).toHaveLength(1);
  });

  it('storeLuggage, pickUpLuggage: a stored tag is taken in its store only; a wrong stub is refused; picked up with the stub, the tag is free again', async () => {
    setClock('2026-11-27T09:00:00+08:00');
    const tag = freshTag();
    const first = await store({ tagNumber: tag });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'stored', tagNumber: tag, storedBy: desk.as.desk.userId });
    const before = (await itemsOfTenant(desk.tenant)).length;
    const taken = await store({ tagNumber: tag.toLowerCase() });
    expect(taken.status).toBe(409);
    expect(problem(taken).code).toBe('luggage_tag_taken');
    expect((await itemsOfTenant(desk.tenant)).length).toBe(before);
    // Another store keeps its own tags.
    const elsewhere = await invoke('storeLuggage', {
      caller: { ...desk.admin },
      body: {
        storeId: desk.otherStore.id,
        tagNumber: tag,
        pieces: 1,
        description: '纸箱',
        location: '行李房',
        guestName: '李女士',
        expectedPickUpAt: '2026-11-28T18:00:00+08:00',
      },
    });
    expect(elsewhere.status).toBe(201);

    const wrongStub = await pickUp(first.body, { with: 'stub', tagNumber: `${tag}9` });
    expect(wrongStub.status).toBe(422);
    expect(problem(wrongStub).code).toBe('luggage_stub_mismatch');
    const stale = await pickUp({ ...first.body, version: 2 }, { with: 'stub', tagNumber: tag });
    expect(stale.status).toBe(409);
    expect(problem(stale).code).toBe('version_conflict');
    const collected = await pickUp(first.body, { with: 'stub', tagNumber: tag });
    expect(collected.body).toMatchObject({ status: 'picked_up', pickUp: { with: 'stub' }, version: 2 });
    expect(await findTimer(luggageTimerKey(desk.tenant, first.body.id))).toBeUndefined();
    const twice = await pickUp(collected.body, { with: 'stub', tagNumber: tag });
    expect(twice.status).toBe(409);
    expect(problem(twice).code).toBe('luggage_picked_up');

    const reused = await store({ tagNumber: tag, guestName: '赵女士' });
    expect(reused.status).toBe(201);
  });

  it('pickUpLuggage: stub lost → ID type and last four characters with the signed certificate; a full ID number is refused', async () => {
    setClock('2026-11-27T09:00:00+08:00');
    const luggage = (await store({ tagNumber: freshTag() })).body;
    const fullNumber = await pickUp(luggage, {
      with: 'id_and_certificate',
      collectorName: '王先生',
      idType: 'resident_id',
      idLast4: '11010519491231002X',
      certificateRef: 'LS-2026-0001',
    });
    expect(fullNumber.status).toBe(400);
    const collected = await pickUp(luggage, {
      with: 'id_and_certificate',
      collectorName: '王先生',
      idType: 'resident_id',
      idLast4: '002x',
      certificateRef: 'LS-2026-0001',
    });
    expect(collected.body.pickUp).toMatchObject({
      with: 'id_and_certificate',
      idType: 'resident_id',
      idLast4: '002X',
      certificateRef: 'LS-2026-0001',
    });
    expect(JSON.stringify(await itemsOfTenant(desk.tenant))).not.toContain('11010519491231002X');
  });

  it('storeLuggage: valuables and flammables refused with their reason codes, a pick-up in the past too, writing nothing; a retry with the same Idempotency-Key returns the first record', async () => {
    setClock('2026-11-27T09:00:00+08:00');
    const before = (await itemsOfTenant(desk.tenant)).length;
    const valuables = await store({ tagNumber: freshTag(), declaredContents: ['clothing', 'valuables'] });
    expect(valuables.status).toBe(422);
    expect(problem(valuables).code).toBe('luggage_valuables_refused');
    const flammables = await store({ tagNumber: freshTag(), declaredContents: ['flammables'] });
    expect(flammables.status).toBe(422);
    expect(problem(flammables).code).toBe('luggage_flammables_refused');
    const past = await store({ tagNumber: freshTag(), expectedPickUpAt: '2026-11-27T08:00:00+08:00' });
    expect(problem(past).code).toBe('pick_up_in_past');
    const badTag = await store({ tagNumber: 'A 12/3' });
    expect(badTag.status).toBe(400);
    expect((await itemsOfTenant(desk.tenant)).length).toBe(before);

    const key = { 'Idempotency-Key': `luggage-${Date.now()}` };
    const tag = freshTag();
    const first = await store({ tagNumber: tag }, key);
    const count = (await itemsOfTenant(desk.tenant)).length;
    const retry = await store({ tagNumber: tag }, key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect((await itemsOfTenant(desk.tenant)).length).toBe(count);
  });

  it('getLuggage, listLuggage: another tenant gets 404; a technician is refused; stored luggage listed by expected pick-up', async () => {
    setClock('2026-11-27T09:00:00+08:00');
    const later = (await store({ tagNumber: freshTag(), expectedPickUpAt: '2026-11-30T12:00:00+08:00' }))
      .body;
    const sooner = (await store({ tagNumber: freshTag(), expectedPickUpAt: '2026-11-29T12:00:00+08:00' }))
      .body;
    const stranger = await invoke('getLuggage', {
      caller: admin(freshTenant('luggage-other')),
      params: { luggageId: later.id },
    });
    expect(stranger.status).toBe(404);
    const tech = await invoke('listLuggage', { caller: desk.as.tech, query: { storeId: desk.store.id } });
    expect(tech.status).toBe(403);
    const page = await invoke<Page<Luggage>>('listLuggage', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id, limit: '100' },
    });
    const ids = page.body.items.map((item) => item.id);
    expect(ids.indexOf(sooner.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    expect(page.body.items.every((item) => item.status === 'stored')).toBe(true);
  });

  it('fireLuggageTimer: unclaimed 30 days after the expected pick-up → the desk is reminded once, even on a duplicate delivery', async () => {
    setClock('2026-11-27T09:00:00+08:00');
    const luggage = (await store({ tagNumber: freshTag() })).body;
    expect(luggage.unclaimedAt).toBe('2026-12-28T10:00:00.000Z');
    setClock('2026-12-28T17:59:00+08:00');
    await timers.settle();
    expect(await reminders(luggage.id)).toEqual([]);
    setClock('2026-12-28T18:00:05+08:00');
    await timers.sweep();
    const mine = timers.queues.peek('revisit').filter((body) => body.includes(luggage.id));
    expect(mine).toHaveLength(1);
    timers.queues.sendRaw('revisit', mine[0] ?? '');
    await timers.queues.drain();
    setClock('2027-01-28T18:00:00+08:00');
    await timers.settle();
    expect(await reminders(luggage.id)).toEqual(['luggage_unclaimed']);
    expect(await findTimer(luggageTimerKey(desk.tenant, luggage.id))).toBeUndefined();
  });
});
