import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  apiClient,
  e2eTimeout,
  type LocalService,
  startLocalService,
} from '../kit/local-service';

type Json = Record<string, unknown>;
type Merchant = Json & { id: string; version: number; status: string; depositBalance: number };
type Claim = Json & { id: string; status: string; version: number };
const iso = (value: string) => new Date(value).toISOString();

describe('advance compensation (先行赔付) and merchant exit on the local clock', () => {
  let service: LocalService;
  let api: ApiClient;
  let store = '';

  const tenantId = 'mall-chain';
  // Tokens expire by the controllable clock too: mint one per call.
  const as = (userId: string, role: string) =>
    api.token({ tenantId, userId, roles: [role], ...(role === 'admin' ? {} : { storeIds: [store] }) });
  const boss = () => as('boss', 'admin');
  const manager = () => as('mgr-zhang', 'manager');
  const supervisor = () => as('sup-li', 'supervisor');
  const desk = () => as('desk-wang', 'front_desk');
  const setClock = async (at: string) =>
    expect((await api.call('POST', '/local/clock', { body: { set: at } })).status).toBe(200);
  const call = async <T = Json>(method: string, path: string, token: Promise<string>, body?: unknown) => {
    const result = await api.call<T>(method, path, {
      token: await token,
      ...(body === undefined ? {} : { body }),
    });
    return result;
  };
  const merchant = async (id: string) => (await call<Merchant>('GET', `/v1/merchants/${id}`, desk())).body;

  async function admitWithDeposit(name: string, deposit: number): Promise<Merchant> {
    const admitted = await call<Merchant>('POST', '/v1/merchants', manager(), {
      storeId: store,
      name,
      licenceNumber: '91310000MA1FL0XX1X',
      contact: { name: '林先生', phone: '13900002222' },
      categories: ['家具'],
      unit: 'B2-018',
      contractStart: '2026-01-01',
      contractEnd: '2027-12-31',
      depositRequired: deposit,
    });
    expect(admitted.status).toBe(201);
    const booked = await api.call('POST', `/v1/merchants/${admitted.body.id}/deposit-entries`, {
      token: await manager(),
      headers: { 'idempotency-key': `deposit-${admitted.body.id}` },
      body: { kind: 'deposit', amount: deposit, reference: `SJ-${name}`, note: '质量保证金' },
    });
    expect(booked.status).toBe(201);
    return merchant(admitted.body.id);
  }

  async function claimOn(
    type: string,
    merchantId: string,
    amount: number,
  ): Promise<Claim & { ticketId: string }> {
    const ticket = await call<Json>('POST', '/v1/tickets', desk(), {
      storeId: store,
      type,
      channel: 'walk_in',
      subject: '衣柜门脱落',
    });
    expect(ticket.status).toBe(201);
    const claim = await call<Claim & { ticketId: string }>('POST', '/v1/compensation-claims', desk(), {
      ticketId: ticket.body.id,
      merchantId,
      amount,
      reason: '衣柜门铰链断裂脱落，商户未及时处理',
      beneficiary: { name: '王女士', phone: '13800138000' },
    });
    expect(claim.status).toBe(201);
    return claim.body;
  }

  beforeAll(async () => {
    service = await startLocalService({}, ['--in-memory']);
    api = apiClient(service.url);
    await setClock('2026-12-01T10:00:00+08:00');
    store = (await call<Json>('POST', '/v1/stores', boss(), { code: 'HXMKL1', name: '家居商场' })).body
      .id as string;
    for (const [name, role, userId] of [
      ['张经理', 'manager', 'mgr-zhang'],
      ['李主管', 'supervisor', 'sup-li'],
    ] as const) {
      const staff = await call('POST', '/v1/staff', boss(), {
        name,
        roles: [role],
        storeIds: [store],
        userId,
      });
      expect(staff.status).toBe(201);
    }
  }, e2eTimeout());
  afterAll(async () => {
    expect(await service.stop()).toBe(0);
  }, e2eTimeout());

  it('createCompensationClaim → decideCompensationClaim ×2 → recordCompensationPayment → recoverCompensationClaim: ¥8,000 with a ¥5,000 deposit leaves ¥3,000 receivable', {
    timeout: e2eTimeout(0),
  }, async () => {
    const seller = await admitWithDeposit('林氏木业', 500_000);
    expect(seller.depositBalance).toBe(500_000);
    const claim = await claimOn('complaint', seller.id, 800_000);
    expect(claim).toMatchObject({
      status: 'pending_approval',
      approvalLevel: { steps: ['manager', 'admin'], policyVersion: 0 },
    });
    const path = `/v1/compensation-claims/${claim.id}`;
    const first = await call<Claim>('POST', `${path}/decisions`, manager(), { decision: 'approve' });
    expect(first.body.status).toBe('pending_approval');
    // The manager cannot take the admin's step as well.
    const twice = await call<Json>('POST', `${path}/decisions`, manager(), { decision: 'approve' });
    expect([twice.status, twice.body.code]).toEqual([422, 'already_approved']);
    const second = await call<Claim>('POST', `${path}/decisions`, boss(), {
      decision: 'approve',
      reason: '核实',
    });
    expect(second.body.status).toBe('approved');
    const paid = await call<Claim>('POST', `${path}/payment`, manager(), {
      method: 'bank_transfer',
      reference: 'TX-20261201-0001',
      paidBy: '财务 陈',
    });
    expect(paid.body.status).toBe('paid');
    const recovered = await call<Claim>('POST', `${path}/recovery`, manager(), { note: '质保金扣除' });
    expect(recovered.body).toMatchObject({
      status: 'recovered',
      recovery: { deducted: 500_000, receivable: 300_000 },
    });
    expect(await merchant(seller.id)).toMatchObject({
      depositBalance: 0,
      receivable: 300_000,
      openClaims: 0,
    });
    const ledger = await call<{ items: Json[] }>(
      'GET',
      `/v1/merchants/${seller.id}/deposit-entries`,
      supervisor(),
    );
    expect(ledger.body.items.map((entry) => [entry.kind, entry.delta])).toEqual([
      ['deposit', 500_000],
      ['deduction', -500_000],
    ]);
    // The merchant pays its ¥3,000 receivable (应收款): the claim closes.
    const settled = await call<Claim>('POST', `${path}/settlement`, manager(), {
      amount: 300_000,
      method: 'bank_transfer',
      reference: 'HK-20261215-0001',
    });
    expect(settled.body.status).toBe('closed');
    expect((await merchant(seller.id)).receivable).toBe(0);
    const timeline = await call<{ items: Json[] }>('GET', `/v1/tickets/${claim.ticketId}/timeline`, desk());
    expect(
      timeline.body.items.filter((event) => event.kind === 'compensation').map((event) => event.step),
    ).toEqual(['requested', 'approval', 'approval', 'approved', 'paid', 'recovered', 'settled', 'closed']);
    const register = await call<{ items: Claim[] }>(
      'GET',
      `/v1/compensation-claims?storeId=${store}&status=closed&from=2026-12-01T00:00:00%2B08:00&to=2026-12-31T23:59:59%2B08:00`,
      supervisor(),
    );
    expect(register.body.items.map((item) => item.id)).toEqual([claim.id]);
  });

  it('transitionMerchant → exited after its 30-day notice; a claim during the 90-day hold is recovered from the held deposit; the hold end reminds the store', {
    timeout: e2eTimeout(0),
  }, async () => {
    await setClock('2026-12-01T10:00:00+08:00');
    const leaving = await admitWithDeposit('即将撤场灯饰', 200_000);
    const opened = await call<Merchant>('POST', `/v1/merchants/${leaving.id}/transitions`, manager(), {
      to: 'active',
      version: leaving.version,
    });
    const exiting = await call<Merchant>('POST', `/v1/merchants/${leaving.id}/transitions`, manager(), {
      to: 'exiting',
      version: opened.body.version,
      noticeAt: '2026-12-01T10:00:00+08:00',
      reason: '合同到期不续约',
    });
    expect(exiting.body).toMatchObject({ status: 'exiting', exitAt: iso('2026-12-31T10:00:00+08:00') });

    await setClock('2026-12-31T09:59:00+08:00');
    expect((await merchant(leaving.id)).status).toBe('exiting');
    await setClock('2026-12-31T10:00:30+08:00');
    expect(await merchant(leaving.id)).toMatchObject({
      status: 'exited',
      holdUntil: iso('2027-03-31T10:00:00+08:00'),
    });

    // During the hold: a customer's return of the exited merchant's goods, paid first by the mall.
    await setClock('2027-01-15T14:00:00+08:00');
    const claim = await claimOn('return', leaving.id, 30_000);
    expect(claim.approvalLevel).toMatchObject({ steps: ['supervisor'] });
    const refundEarly = await call<Json>('POST', `/v1/merchants/${leaving.id}/deposit-entries`, manager(), {
      kind: 'refund',
      amount: 200_000,
      reference: 'TK-EARLY',
    });
    expect([refundEarly.status, refundEarly.body.code]).toEqual([422, 'refund_blocked_open_claims']);
    const path = `/v1/compensation-claims/${claim.id}`;
    expect(
      (await call<Claim>('POST', `${path}/decisions`, supervisor(), { decision: 'approve' })).body.status,
    ).toBe('approved');
    await call('POST', `${path}/payment`, supervisor(), { method: 'cash', reference: 'XJ-0115' });
    const recovered = await call<Claim>('POST', `${path}/recovery`, manager(), {});
    expect(recovered.body).toMatchObject({ status: 'closed', recovery: { deducted: 30_000, receivable: 0 } });
    expect((await merchant(leaving.id)).depositBalance).toBe(170_000);
    const held = await call<Json>('POST', `/v1/merchants/${leaving.id}/deposit-entries`, manager(), {
      kind: 'refund',
      amount: 170_000,
      reference: 'TK-HELD',
    });
    expect([held.status, held.body.code]).toEqual([422, 'refund_blocked_hold']);

    await setClock('2027-03-31T10:00:30+08:00');
    const inbox = await call<{ items: Json[] }>('GET', '/v1/me/notifications', manager());
    expect(
      inbox.body.items.filter((n) => n.kind === 'merchant_hold_ended' && n.merchantId === leaving.id),
    ).toEqual([expect.objectContaining({ depositBalance: 170_000 })]);
    const refund = await call<Json>('POST', `/v1/merchants/${leaving.id}/deposit-entries`, manager(), {
      kind: 'refund',
      amount: 170_000,
      reference: 'TK-0331',
    });
    expect(refund.status).toBe(201);
    expect(await merchant(leaving.id)).toMatchObject({ status: 'exited', depositBalance: 0 });
  });
});
