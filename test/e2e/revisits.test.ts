import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  apiClient,
  e2eTimeout,
  type LocalService,
  startLocalService,
} from '../kit/local-service';

type Json = Record<string, unknown>;
type Revisit = Json & {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
  attempts: Json[];
  history: Json[];
};
const hours = (start: string, end: string) => [{ start, end }];
const iso = (value: string) => new Date(value).toISOString();

describe('customer revisits (回访) on the local clock', () => {
  let service: LocalService;
  let api: ApiClient;
  const stores: Record<'mall' | 'repair', string> = { mall: '', repair: '' };

  // Tokens expire by the controllable clock too: mint one per call.
  const admin = () => api.token({ tenantId: 'chain', userId: 'boss', roles: ['admin'] });
  const desk = () =>
    api.token({
      tenantId: 'chain',
      userId: 'desk',
      roles: ['front_desk'],
      storeIds: [stores.mall, stores.repair],
    });
  const setClock = async (at: string) =>
    expect((await api.call('POST', '/local/clock', { body: { set: at } })).status).toBe(200);
  const revisit = async (id: string) =>
    (await api.call<Revisit>('GET', `/v1/revisits/${id}`, { token: await desk() })).body;
  const attempt = async (id: string, body: Json, key?: string) =>
    api.call<Revisit>('POST', `/v1/revisits/${id}/attempts`, {
      token: await desk(),
      body,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });

  beforeAll(async () => {
    service = await startLocalService({}, ['--in-memory']);
    api = apiClient(service.url);
    await setClock('2026-11-20T10:00:00+08:00');
    for (const [name, code] of [
      ['mall', 'MALL1'],
      ['repair', 'RC01'],
    ] as const) {
      stores[name] = (
        await api.call<Json>('POST', '/v1/stores', { token: await admin(), body: { code, name } })
      ).body.id as string;
    }
    const everyDay = hours('10:00', '22:00');
    const weekday = hours('09:00', '18:00');
    const calendars = {
      mall: {
        weekly: {
          mon: everyDay,
          tue: everyDay,
          wed: everyDay,
          thu: everyDay,
          fri: everyDay,
          sat: everyDay,
          sun: everyDay,
        },
      },
      repair: {
        weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
        holidays: ['2026-12-07'],
      },
    };
    for (const name of ['mall', 'repair'] as const) {
      const saved = await api.call('PUT', `/v1/stores/${stores[name]}/calendar`, {
        token: await admin(),
        body: calendars[name],
      });
      expect(saved.status).toBe(200);
    }
    const staff = await api.call('POST', '/v1/staff', {
      token: await admin(),
      body: {
        name: '回访专员',
        roles: ['front_desk'],
        storeIds: [stores.mall, stores.repair],
        userId: 'desk',
      },
    });
    expect(staff.status).toBe(201);
  }, e2eTimeout());
  afterAll(async () => {
    expect(await service.stop()).toBe(0);
  }, e2eTimeout());

  it('createPurchase, recordRevisitAttempt: schedules post-sale at delivery + 7 days and warranty expiry 30 days before, makes them due, and follows up a low score once', {
    timeout: e2eTimeout(0),
  }, async () => {
    const customer = (
      await api.call<Json>('POST', '/v1/customers', {
        token: await desk(),
        body: { phone: '13900001111', name: '周女士' },
      })
    ).body;
    const recorded = await api.call<Json & { revisits: { id: string; kind: string; dueAt: string }[] }>(
      'POST',
      '/v1/purchases',
      {
        token: await desk(),
        body: {
          customerId: customer.id,
          storeId: stores.mall,
          items: [{ name: '真皮沙发', category: 'furniture', amount: 1_599_900, warrantyMonths: 12 }],
          purchasedOn: '2026-11-20',
          deliveredOn: '2026-11-22',
        },
      },
    );
    expect(recorded.status).toBe(201);
    expect(recorded.body.revisits.map(({ kind, dueAt }) => `${kind}@${dueAt}`)).toEqual([
      `post_sale@${iso('2026-11-29T10:00:00+08:00')}`,
      `warranty_expiry@${iso('2027-10-23T10:00:00+08:00')}`,
    ]);
    const postSale = recorded.body.revisits[0]?.id ?? '';

    const queue = async () =>
      (
        await api.call<{ items: Revisit[] }>('GET', `/v1/revisits?status=due&storeId=${stores.mall}`, {
          token: await desk(),
        })
      ).body.items;
    await setClock('2026-11-29T09:59:00+08:00');
    expect(await queue()).toEqual([]);
    await setClock('2026-11-29T10:00:30+08:00');
    expect((await queue()).map((due) => due.id)).toEqual([postSale]);
    const inbox = await api.call<{ items: Json[] }>('GET', '/v1/me/notifications', { token: await desk() });
    expect(
      inbox.body.items.some((entry) => entry.kind === 'revisit_due' && entry.revisitId === postSale),
    ).toBe(true);

    // Satisfaction 2, and the desk's client retries the same request twice.
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        attempt(postSale, { outcome: 'reached', satisfaction: 2, comment: '送货时磕坏了茶几' }, 'visit-1'),
      ),
    );
    expect(results.map((result) => result.status)).toEqual([201, 201, 201]);
    const done = await revisit(postSale);
    expect(done).toMatchObject({ status: 'done', satisfaction: 2 });
    expect(done.attempts).toHaveLength(1);
    const complaints = await api.call<{ items: (Json & { id: string })[] }>(
      'GET',
      `/v1/tickets?customerId=${customer.id}`,
      {
        token: await desk(),
      },
    );
    expect(complaints.body.items).toHaveLength(1);
    const complaint = complaints.body.items[0] as Json & { id: string };
    expect(complaint).toMatchObject({ type: 'complaint', priority: 'high', revisitId: postSale });
    expect(done.followUpTicketId).toBe(complaint.id);
    expect(
      done.history.some((entry) => entry.what === 'follow_up_opened' && entry.ticketId === complaint.id),
    ).toBe(true);
    const timeline = await api.call<{ items: Json[] }>('GET', `/v1/tickets/${complaint.id}/timeline`, {
      token: await desk(),
    });
    expect(timeline.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'linked', revisitId: postSale })]),
    );
    expect(await queue()).toEqual([]);
  });

  it('createRevisit, recordRevisitAttempt: retries an unreachable customer on the next working day across a weekend and a holiday, and fails after three tries', {
    timeout: e2eTimeout(0),
  }, async () => {
    await setClock('2026-12-01T10:00:00+08:00');
    const customer = (
      await api.call<Json>('POST', '/v1/customers', { token: await desk(), body: { phone: '13900002222' } })
    ).body;
    const booked = await api.call<Revisit>('POST', '/v1/revisits', {
      token: await desk(),
      body: {
        customerId: customer.id,
        storeId: stores.repair,
        dueAt: '2026-12-04T09:00:00+08:00',
        note: '维修后回访',
      },
    });
    expect(booked.status).toBe(201);
    await setClock('2026-12-04T16:00:00+08:00'); // Friday
    expect((await revisit(booked.body.id)).status).toBe('due');
    const first = await attempt(booked.body.id, { outcome: 'unreachable' });
    // Saturday, Sunday and Monday 7 December (a holiday) are skipped: Tuesday at opening.
    expect(first.body).toMatchObject({ status: 'scheduled', dueAt: iso('2026-12-08T09:00:00+08:00') });
    await setClock('2026-12-08T09:00:30+08:00');
    expect((await revisit(booked.body.id)).status).toBe('due');
    expect((await attempt(booked.body.id, { outcome: 'unreachable' })).body).toMatchObject({
      status: 'scheduled',
      dueAt: iso('2026-12-09T09:00:00+08:00'),
    });
    await setClock('2026-12-09T09:00:30+08:00');
    const third = await attempt(booked.body.id, { outcome: 'unreachable' });
    expect(third.body).toMatchObject({ status: 'failed' });
    expect(third.body.attempts).toHaveLength(3);
    expect((await attempt(booked.body.id, { outcome: 'reached' })).status).toBe(409);
  });

  it('closePurchase: cancels the revisits of a returned purchase, and they never come due', {
    timeout: e2eTimeout(0),
  }, async () => {
    await setClock('2026-12-10T10:00:00+08:00');
    const customer = (
      await api.call<Json>('POST', '/v1/customers', { token: await desk(), body: { phone: '13900003333' } })
    ).body;
    const recorded = await api.call<Json & { id: string; revisits: { id: string }[] }>(
      'POST',
      '/v1/purchases',
      {
        token: await desk(),
        body: {
          customerId: customer.id,
          storeId: stores.mall,
          items: [{ name: '床垫', category: 'furniture', amount: 499_900, warrantyMonths: 24 }],
          purchasedOn: '2026-12-10',
        },
      },
    );
    expect(recorded.body.revisits).toHaveLength(2);
    const returned = await api.call<Json>(
      'POST',
      `/v1/customers/${customer.id}/purchases/${recorded.body.id}/status`,
      {
        token: await desk(),
        body: { status: 'returned', reason: '七天无理由退货' },
      },
    );
    expect(returned.body).toMatchObject({ status: 'returned', statusReason: '七天无理由退货' });
    await setClock('2026-12-18T10:00:00+08:00');
    const history = await api.call<{ items: Revisit[] }>('GET', `/v1/customers/${customer.id}/revisits`, {
      token: await desk(),
    });
    expect(history.body.items.map((item) => item.status)).toEqual(['cancelled', 'cancelled']);
    const again = await api.call(
      'POST',
      `/v1/customers/${customer.id}/purchases/${recorded.body.id}/status`,
      {
        token: await desk(),
        body: { status: 'cancelled', reason: 'x' },
      },
    );
    expect(again.status).toBe(409);
  });
});
