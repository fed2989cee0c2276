import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  apiClient,
  e2eTimeout,
  type LocalService,
  startLocalService,
} from '../kit/local-service';

type Json = Record<string, unknown>;
interface Decision extends Json {
  outcomes: string[];
  refundAmount: number;
  repairFee: string | null;
  decidedOn: string;
  refusals: { code: string; zh: string; en: string }[];
  trace: { rule: string; result: string; basis: string }[];
}

/*
 * A sofa (软体家具, 2-year warranty) bought on 2026-03-01 and delivered on 2026-03-03; the desk
 * asks on days 6, 8, 14, 16, 95 and 200 after delivery, on the local clock, and gets what
 * ../shared/domain/after-sales.md predicts: the store's 7-day no-reason return (§A), then the
 * furniture rules (§C: serious defect ≤ 90 days return, ≤ 180 days exchange, then free repair in
 * warranty), never the 三包 15-day rule of §B.
 */
describe('returns on the local clock: a sofa through its first 200 days', () => {
  let service: LocalService;
  let api: ApiClient;
  let storeId = '';
  let customerId = '';
  let purchaseId = '';

  const admin = () => api.token({ tenantId: 'sofa-shop', userId: 'boss', roles: ['admin'] });
  const desk = () =>
    api.token({ tenantId: 'sofa-shop', userId: 'desk', roles: ['front_desk'], storeIds: [storeId] });
  const onDay = async (day: number) => {
    const at = new Date(Date.parse('2026-03-03T11:00:00+08:00') + day * 86_400_000).toISOString();
    expect((await api.call('POST', '/local/clock', { body: { set: at } })).status).toBe(200);
  };
  const ask = async (body: Json) => {
    const answer = await api.call<Decision>('POST', '/v1/returns/eligibility', {
      token: await desk(),
      body: { customerId, purchaseId, items: [{ line: 1 }], ...body },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };
  const noReason = { kind: 'return', reason: 'no_reason' };
  const brokenFrame = {
    kind: 'return',
    reason: 'quality_problem',
    seriousDefect: true,
    description: '沙发框架断裂',
  };

  beforeAll(async () => {
    service = await startLocalService({}, ['--in-memory']);
    api = apiClient(service.url);
    expect(
      (await api.call('POST', '/local/clock', { body: { set: '2026-03-01T10:00:00+08:00' } })).status,
    ).toBe(200);
    storeId = (
      await api.call<Json>('POST', '/v1/stores', {
        token: await admin(),
        body: { code: 'HOME1', name: '家居馆' },
      })
    ).body.id as string;
    customerId = (
      await api.call<Json>('POST', '/v1/customers', {
        token: await desk(),
        body: { phone: '13900002222', name: '林先生' },
      })
    ).body.id as string;
    const purchase = await api.call<Json>('POST', '/v1/purchases', {
      token: await desk(),
      body: {
        customerId,
        storeId,
        items: [{ name: '三人位真皮沙发', category: 'sofa', amount: 1_299_900 }],
        purchasedOn: '2026-03-01',
        deliveredOn: '2026-03-03',
      },
    });
    expect(purchase.status).toBe(201);
    purchaseId = purchase.body.id as string;
  }, e2eTimeout());
  afterAll(async () => {
    expect(await service.stop()).toBe(0);
  }, e2eTimeout());

  it('checkReturnEligibility: days 6, 8, 14, 16, 95 and 200 give the outcomes the rules predict', {
    timeout: e2eTimeout(0),
  }, async () => {
    await onDay(6);
    const day6 = await ask(noReason);
    expect(day6).toMatchObject({
      decidedOn: '2026-03-09',
      outcomes: ['refund', 'exchange'],
      refundAmount: 1_299_900,
    });

    await onDay(8);
    const day8 = await ask(noReason);
    expect(day8.outcomes).toEqual(['refused']);
    expect(day8.refusals.map((refusal) => refusal.code)).toEqual(['no_reason_window_passed']);
    expect(day8.refusals[0]?.zh).toContain('第8天');

    await onDay(14);
    expect((await ask(brokenFrame)).outcomes).toEqual(['refund', 'exchange', 'repair']);

    // Day 16: past 三包's 15 days, but furniture's serious-defect return runs 90 days.
    await onDay(16);
    const day16 = await ask(brokenFrame);
    expect(day16).toMatchObject({ outcomes: ['refund', 'exchange', 'repair'], refundAmount: 1_299_900 });
    expect(day16.trace.map((entry) => entry.rule)).not.toContain('B.art10');

    await onDay(95);
    const day95 = await ask(brokenFrame);
    expect(day95).toMatchObject({ outcomes: ['exchange', 'repair'], refundAmount: 0 });
    expect(day95.trace.find((entry) => entry.rule === 'C.serious_exchange')?.result).toBe('applied');

    await onDay(200);
    const day200 = await ask(brokenFrame);
    expect(day200).toMatchObject({ outcomes: ['repair'], repairFee: 'free' });
    expect(day200.trace.find((entry) => entry.rule === 'C.warranty')?.result).toBe('passed');
  });

  it('createReturn, recordReturnStep, listReturns: a refused no-reason return is registered and explained', {
    timeout: e2eTimeout(0),
  }, async () => {
    await onDay(8);
    const ticket = await api.call<Json>('POST', '/v1/tickets', {
      token: await desk(),
      body: { storeId, type: 'return', channel: 'walk_in', subject: '沙发不想要了', customerId, purchaseId },
    });
    expect(ticket.status).toBe(201);
    const opened = await api.call<Json & { id: string; version: number }>('POST', '/v1/returns', {
      token: await desk(),
      headers: { 'idempotency-key': 'sofa-return-1' },
      body: { customerId, purchaseId, ticketId: ticket.body.id, items: [{ line: 1 }], ...noReason },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: 'decided', allowedOutcomes: ['refused'], policyVersion: 0 });
    const refused = await api.call<Json>('POST', `/v1/returns/${opened.body.id}/steps`, {
      token: await desk(),
      body: { step: 'refuse', version: opened.body.version, explanation: '签收已超过七天，已向顾客解释。' },
    });
    expect(refused.status).toBe(200);
    expect(refused.body.status).toBe('refused');
    const register = await api.call<{ items: Json[] }>(
      'GET',
      `/v1/returns?storeId=${storeId}&status=refused`,
      {
        token: await desk(),
      },
    );
    expect(register.body.items.map((item) => item.id)).toEqual([opened.body.id]);
    const timeline = await api.call<{ items: Json[] }>('GET', `/v1/tickets/${ticket.body.id}/timeline`, {
      token: await desk(),
    });
    expect(
      timeline.body.items.filter((event) => event.kind === 'case_step').map((event) => event.step),
    ).toEqual(['decided', 'refuse']);
  });
});
