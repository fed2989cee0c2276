import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  apiClient,
  e2eTimeout,
  type LocalService,
  startLocalService,
} from '../kit/local-service';

type Json = Record<string, unknown>;
type Entry = Json & { id: string; version: number; status: string };
type Section = { count: number; items: { id: string }[] };

describe('guest messages, luggage and the shift handover on the local clock', () => {
  let service: LocalService;
  let api: ApiClient;
  let storeId = '';

  // Tokens expire by the controllable clock too: one minted per call.
  const asAdmin = () => api.token({ tenantId: 'vienna-desk', userId: 'boss', roles: ['admin'] });
  const as = (userId: 'day' | 'night') =>
    api.token({ tenantId: 'vienna-desk', userId, roles: ['front_desk'], storeIds: [storeId] });
  const setClock = async (at: string) =>
    expect((await api.call('POST', '/local/clock', { body: { set: at } })).status).toBe(200);
  const inbox = async (kind: string) => {
    const page = await api.call<{ items: Json[] }>('GET', '/v1/me/notifications?limit=100', {
      token: await as('day'),
    });
    return page.body.items.filter((entry) => entry.kind === kind);
  };
  const post = async (path: string, body: Json, who: 'day' | 'night' = 'day') =>
    api.call<Entry & Json>('POST', path, { token: await as(who), body });

  beforeAll(async () => {
    service = await startLocalService({}, ['--in-memory']);
    api = apiClient(service.url);
    await setClock('2026-11-27T09:00:00+08:00');
    const store = await api.call<Json>('POST', '/v1/stores', {
      token: await asAdmin(),
      body: { code: 'VNA03', name: '维也纳酒店 福田店', kind: 'hotel' },
    });
    storeId = store.body.id as string;
    for (const userId of ['day', 'night']) {
      const staff = await api.call('POST', '/v1/staff', {
        token: await asAdmin(),
        body: { name: `前台 ${userId}`, roles: ['front_desk'], storeIds: [storeId], userId },
      });
      expect(staff.status).toBe(201);
    }
  }, e2eTimeout());
  afterAll(async () => {
    expect(await service.stop()).toBe(0);
  }, e2eTimeout());

  it('createGuestMessage: undelivered at 2 hours → the desk is reminded once; a delivered one never', {
    timeout: e2eTimeout(0),
  }, async () => {
    await setClock('2026-11-27T09:00:00+08:00');
    const left = await post('/v1/guest-messages', {
      storeId,
      room: '1203',
      from: '李经理',
      content: '请回电',
    });
    expect(left.status).toBe(201);
    const delivered = await post('/v1/guest-messages', {
      storeId,
      room: '1505',
      from: '快递',
      content: '包裹在前台',
    });
    expect(
      (await post(`/v1/guest-messages/${delivered.body.id}/deliver`, { version: 1, how: 'message_light' }))
        .status,
    ).toBe(200);

    // Two hours after it was taken, whatever the seconds the setup took on this machine.
    const remindAt = Date.parse(left.body.remindAt as string);
    expect(remindAt - Date.parse(left.body.takenAt as string)).toBe(2 * 3_600_000);
    await setClock(new Date(remindAt - 60_000).toISOString());
    expect(await inbox('guest_message_undelivered')).toEqual([]);
    await setClock(new Date(remindAt + 5_000).toISOString());
    const reminders = await inbox('guest_message_undelivered');
    expect(reminders.map((entry) => entry.guestMessageId)).toEqual([left.body.id]);
    await setClock('2026-11-27T15:00:00+08:00');
    expect(await inbox('guest_message_undelivered')).toHaveLength(1);
  });

  it('storeLuggage: unclaimed 30 days after the expected pick-up → the desk is reminded once; a collected bag never', {
    timeout: e2eTimeout(0),
  }, async () => {
    await setClock('2026-11-27T16:00:00+08:00');
    const stored = await post('/v1/luggage', {
      storeId,
      tagNumber: 'A0001',
      pieces: 2,
      description: '黑色拉杆箱',
      location: '行李房 A 架',
      guestName: '王先生',
      expectedPickUpAt: '2026-11-28T18:00:00+08:00',
    });
    expect(stored.status).toBe(201);
    const collected = await post('/v1/luggage', {
      storeId,
      tagNumber: 'A0002',
      pieces: 1,
      description: '纸箱',
      location: '行李房 B 架',
      guestName: '赵女士',
      expectedPickUpAt: '2026-11-28T18:00:00+08:00',
    });
    expect(
      (
        await post(`/v1/luggage/${collected.body.id}/pick-up`, {
          version: 1,
          with: 'stub',
          tagNumber: 'A0002',
        })
      ).status,
    ).toBe(200);

    await setClock('2026-12-28T17:59:00+08:00');
    expect(await inbox('luggage_unclaimed')).toEqual([]);
    await setClock('2026-12-28T18:00:05+08:00');
    expect((await inbox('luggage_unclaimed')).map((entry) => entry.luggageId)).toEqual([stored.body.id]);
    await setClock('2027-01-28T18:00:05+08:00');
    expect(await inbox('luggage_unclaimed')).toHaveLength(1);
  });

  it('createShiftHandover, acceptShiftHandover: the snapshot matches the ledgers; the same person cannot accept; another can, and it is immutable after', {
    timeout: e2eTimeout(0),
  }, async () => {
    await setClock('2027-01-29T14:30:00+08:00');
    const lent = await post('/v1/loans', {
      storeId,
      item: '雨伞',
      deposit: 5000,
      room: '0815',
      dueBackAt: '2027-01-30T12:00:00+08:00',
    });
    const box = await post('/v1/safe-boxes', {
      storeId,
      boxNumber: '12',
      guestName: '李女士',
      room: '0815',
      idType: 'passport',
      idLast4: 'E123',
      signatureRef: 'SB-0001',
    });
    const wakeUp = await post('/v1/wake-up-calls', {
      storeId,
      room: '0815',
      guestName: '李女士',
      date: '2027-01-30',
      time: '01:30',
    });
    const message = await post('/v1/guest-messages', {
      storeId,
      guestName: '李女士',
      from: '前台',
      content: '早餐券',
    });
    for (const created of [lent, box, wakeUp, message]) expect(created.status).toBe(201);
    const lists = async (path: string) =>
      (
        await api.call<{ items: Entry[] }>('GET', `${path}?storeId=${storeId}&limit=100`, {
          token: await as('day'),
        })
      ).body.items
        .map((item) => item.id)
        .sort();

    await setClock('2027-01-29T15:02:00+08:00');
    const handover = await post('/v1/shift-handovers', {
      storeId,
      shiftDate: '2027-01-29',
      shiftStart: '07:00',
      cashCount: 230_000,
      notes: '0815 李女士保险箱 12 号',
    });
    expect(handover.status).toBe(201);
    const snapshot = handover.body.snapshot as Record<string, Section>;
    const ids = (section: string) => (snapshot[section]?.items ?? []).map((item) => item.id).sort();
    // What the ledgers' own lists hold open is what the handover carries over.
    expect(ids('luggage')).toEqual(await lists('/v1/luggage'));
    expect(ids('loans')).toEqual(await lists('/v1/loans'));
    expect(ids('safeBoxes')).toEqual(await lists('/v1/safe-boxes'));
    expect(ids('guestMessages')).toEqual(await lists('/v1/guest-messages'));
    expect(ids('wakeUpCalls')).toEqual([wakeUp.body.id]);
    expect(snapshot.luggage?.count).toBe(1);
    expect(snapshot.guestMessages?.count).toBe(2);

    const same = await post(`/v1/shift-handovers/${handover.body.id}/accept`, { version: 1 });
    expect(same.status).toBe(422);
    expect(same.body.code).toBe('handover_same_person');
    const accepted = await post(`/v1/shift-handovers/${handover.body.id}/accept`, { version: 1 }, 'night');
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedBy: 'night', handedOverBy: 'day' });
    const again = await post(`/v1/shift-handovers/${handover.body.id}/accept`, { version: 2 }, 'night');
    expect(again.status).toBe(409);
  });
});
