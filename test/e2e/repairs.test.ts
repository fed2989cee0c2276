import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  apiClient,
  e2eTimeout,
  type LocalService,
  startLocalService,
} from '../kit/local-service';

type Json = Record<string, unknown>;
interface Repair extends Json {
  id: string;
  ticketId: string;
  status: string;
  charge: string;
  version: number;
}

/*
 * A laptop bought on 2025-01-10 (三包 12 months: out of warranty by March 2026) goes in for a
 * mail-in repair on the local clock: quoted, paid and shipped back; a second one's quote is
 * declined and it goes back unrepaired; a third quote goes unanswered and, after 3 working days,
 * the ticket's assignee finds the reminder in their inbox.
 */
describe('repairs on the local clock: mail-in out of warranty', () => {
  let service: LocalService;
  let api: ApiClient;
  let storeId = '';
  let customerId = '';
  let purchaseId = '';
  let techStaffId = '';

  const admin = () => api.token({ tenantId: 'pc-shop', userId: 'boss', roles: ['admin'] });
  const desk = () =>
    api.token({ tenantId: 'pc-shop', userId: 'desk', roles: ['front_desk'], storeIds: [storeId] });
  const tech = () =>
    api.token({ tenantId: 'pc-shop', userId: 'tech', roles: ['technician'], storeIds: [storeId] });
  const clock = async (at: string) =>
    expect((await api.call('POST', '/local/clock', { body: { set: at } })).status).toBe(200);

  /** A repair ticket, assigned to the technician and in progress, with a mail-in repair on it. */
  const register = async () => {
    const ticket = await api.call<Json>('POST', '/v1/tickets', {
      token: await desk(),
      body: { storeId, type: 'repair', channel: 'phone', subject: '笔记本不开机', customerId, purchaseId },
    });
    expect(ticket.status).toBe(201);
    const ticketId = ticket.body.id as string;
    expect(
      (
        await api.call('POST', `/v1/tickets/${ticketId}/assign`, {
          token: await admin(),
          body: { assigneeId: techStaffId },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api.call('POST', `/v1/tickets/${ticketId}/transitions`, {
          token: await tech(),
          body: { to: 'in_progress' },
        })
      ).status,
    ).toBe(200);
    const repair = await api.call<Repair>('POST', '/v1/repairs', {
      token: await desk(),
      body: { ticketId, customerId, purchaseId, line: 1, mode: 'mail_in', problem: '无法开机' },
    });
    expect(repair.status, JSON.stringify(repair.body)).toBe(201);
    return repair.body;
  };

  const step = async (repair: Repair, body: Json, token: Promise<string>) => {
    const answer = await api.call<Repair>('POST', `/v1/repairs/${repair.id}/steps`, {
      token: await token,
      body: { version: repair.version, ...body },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };

  const inbox = async () =>
    (
      await api.call<{ items: Json[] }>('GET', '/v1/me/notifications', { token: await tech() })
    ).body.items.filter((entry) => entry.kind === 'repair_stalled');

  beforeAll(async () => {
    service = await startLocalService({}, ['--in-memory']);
    api = apiClient(service.url);
    await clock('2026-03-02T10:00:00+08:00'); // a Monday
    storeId = (
      await api.call<Json>('POST', '/v1/stores', {
        token: await admin(),
        body: { code: 'PC1', name: '电脑城店' },
      })
    ).body.id as string;
    const staff = await api.call<Json>('POST', '/v1/staff', {
      token: await admin(),
      body: { name: '维修工程师', roles: ['technician'], storeIds: [storeId], userId: 'tech' },
    });
    expect(staff.status).toBe(201);
    techStaffId = staff.body.id as string;
    customerId = (
      await api.call<Json>('POST', '/v1/customers', {
        token: await desk(),
        body: { phone: '13900003333', name: '陈先生' },
      })
    ).body.id as string;
    const purchase = await api.call<Json>('POST', '/v1/purchases', {
      token: await desk(),
      body: {
        customerId,
        storeId,
        items: [{ name: '笔记本电脑', category: 'computer', amount: 699_900 }],
        purchasedOn: '2025-01-10',
        deliveredOn: '2025-01-10',
      },
    });
    expect(purchase.status).toBe(201);
    purchaseId = purchase.body.id as string;
    const prices = await api.call('PUT', '/v1/repair-price-list', {
      token: await admin(),
      body: {
        inspectionFee: 5_000,
        items: [
          { code: 'LAB-MB', name: '主板维修工时', kind: 'labour', amount: 15_000 },
          { code: 'PART-PMIC', name: '供电芯片', kind: 'part', amount: 30_000 },
          { code: 'PART-SCREEN', name: '屏幕总成', kind: 'part', amount: 120_000 },
          { code: 'PART-KB', name: '键盘', kind: 'part', amount: 38_000 },
        ],
      },
    });
    expect(prices.status, JSON.stringify(prices.body)).toBe(200);
  }, e2eTimeout());
  afterAll(async () => {
    expect(await service.stop()).toBe(0);
  }, e2eTimeout());

  it(
    'goes through quote, payment and shipping back, and resolves its ticket',
    async () => {
      let repair = await register();
      expect(repair).toMatchObject({
        status: 'awaiting_parcel',
        charge: 'paid',
        warranty: { inWarranty: false },
      });
      repair = await step(repair, { step: 'receive_parcel', trackingNumber: 'SF1001' }, desk());
      repair = await step(repair, { step: 'inspect', findings: '主板供电芯片损坏' }, tech());
      repair = await step(
        repair,
        {
          step: 'quote',
          lines: [
            { code: 'LAB-MB', quantity: 1 },
            { code: 'PART-PMIC', quantity: 1 },
          ],
          description: '更换供电芯片',
        },
        tech(),
      );
      expect(repair.quote).toMatchObject({ total: 45_000 });
      repair = await step(
        repair,
        { step: 'accept', payment: { amount: 45_000, method: 'wechat_pay', reference: 'WX20260302' } },
        desk(),
      );
      repair = await step(repair, { step: 'ship', trackingNumber: 'SF1002', carrier: '顺丰' }, desk());
      repair = await step(repair, { step: 'deliver' }, desk());
      expect(repair).toMatchObject({
        status: 'delivered',
        countsAsRepair: true,
        payment: { amount: 45_000 },
      });
      const ticket = await api.call<Json>('GET', `/v1/tickets/${repair.ticketId}`, { token: await desk() });
      expect(ticket.body.status).toBe('resolved');
    },
    e2eTimeout(),
  );

  it(
    'a declined quote pays the inspection fee and goes back unrepaired',
    async () => {
      let repair = await register();
      repair = await step(repair, { step: 'receive_parcel', trackingNumber: 'SF2001' }, desk());
      repair = await step(repair, { step: 'inspect', findings: '屏幕损坏' }, tech());
      repair = await step(repair, { step: 'quote', lines: [{ code: 'PART-SCREEN', quantity: 1 }] }, tech());
      repair = await step(
        repair,
        {
          step: 'decline',
          reason: '客户认为价格太高',
          payment: { amount: 5_000, method: 'wechat_pay', reference: 'WX-FEE' },
        },
        desk(),
      );
      repair = await step(repair, { step: 'ship', trackingNumber: 'SF2002' }, desk());
      repair = await step(repair, { step: 'deliver' }, desk());
      expect(repair).toMatchObject({
        status: 'returned_unrepaired',
        countsAsRepair: false,
        declined: { reason: '客户认为价格太高', inspectionFee: 5_000 },
      });
    },
    e2eTimeout(),
  );

  it(
    'an unanswered quote reminds the assignee after 3 working days, once',
    async () => {
      await clock('2026-03-09T10:00:00+08:00'); // the next Monday
      let repair = await register();
      repair = await step(repair, { step: 'receive_parcel', trackingNumber: 'SF3001' }, desk());
      repair = await step(repair, { step: 'inspect', findings: '键盘进水' }, tech());
      repair = await step(repair, { step: 'quote', lines: [{ code: 'PART-KB', quantity: 1 }] }, tech());
      const before = (await inbox()).length;
      await clock('2026-03-11T10:00:00+08:00'); // Wednesday: two days, not yet three
      expect(await inbox()).toHaveLength(before);
      await clock('2026-03-13T10:00:00+08:00'); // Friday
      const reminders = (await inbox()).filter((entry) => entry.repairId === repair.id);
      expect(reminders).toMatchObject([
        { kind: 'repair_stalled', stage: 'quote', ticketId: repair.ticketId },
      ]);
      await clock('2026-03-16T10:00:00+08:00');
      expect((await inbox()).filter((entry) => entry.repairId === repair.id)).toHaveLength(1);
      const read = await api.call<Repair>('GET', `/v1/repairs/${repair.id}`, { token: await tech() });
      expect(read.body.stall).toMatchObject({ stage: 'quote' });
      expect((read.body.stall as Json).remindedAt).toBeDefined();
    },
    e2eTimeout(),
  );
});
