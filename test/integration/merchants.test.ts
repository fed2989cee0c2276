import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startTimerRuntime, type TimerRuntime } from '../../infra/local/timer-runtime';
import type { Page } from '../../shared/db/cursor';
import type { DepositEntry, Merchant } from '../../shared/merchants/views';
import type { Notification } from '../../shared/notifications/views';
import type { Ticket, TimelineEvent } from '../../shared/tickets/views';
import { setClockOffset } from '../../shared/time/clock';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { admin, freshTenant, invoke, problem } from '../kit/invoke';
import { itemsOfTenant } from '../kit/table';

const repoRoot = new URL('../..', import.meta.url).pathname;
const setClock = (at: string) => setClockOffset(Date.parse(at) - Date.now());
let timers: TimerRuntime;
let desk: DeskFixture;

beforeAll(async () => {
  timers = await startTimerRuntime({ repoRoot, intervals: false });
  desk = await deskFixture('merchants');
}, 60_000);
afterAll(() => timers.stop());
afterEach(() => setClockOffset(0));

const admission = (storeId: string, name = '林氏木业') => ({
  storeId,
  name,
  licenceNumber: '91310000MA1FL0XX1X',
  contact: { name: 'Lin Feng', phone: '13900002222' },
  categories: ['furniture'],
  contractStart: '2026-01-01',
  contractEnd: '2027-12-31',
  depositRequired: 5_000_000,
});

async function admitted(name?: string): Promise<Merchant> {
  const result = await invoke<Merchant>('createMerchant', {
    caller: desk.as.manager,
    body: admission(desk.store.id, name),
  });
  expect(result.status).toBe(201);
  return result.body;
}

const merchantOf = async (id: string) =>
  (await invoke<Merchant>('getMerchant', { caller: desk.as.desk, params: { merchantId: id } })).body;

const book = (merchantId: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  invoke<DepositEntry>('recordDepositEntry', {
    caller: desk.as.manager,
    params: { merchantId },
    body,
    ...(headers ? { headers } : {}),
  });

const ledgerOf = async (merchantId: string) =>
  (
    await invoke<Page<DepositEntry>>('listDepositEntries', {
      caller: desk.as.supervisor,
      params: { merchantId },
      query: { limit: '100' },
    })
  ).body.items;

const ledgerItems = async () =>
  (await itemsOfTenant(desk.tenant)).filter((item) => item.entity === 'deposit_entry').length;

describe('merchants (商户)', () => {
  it('createMerchant, getMerchant, listMerchants: admits a merchant once per Idempotency-Key and lists it by store and status', async () => {
    const headers = { 'idempotency-key': `admit-${desk.tenant}` };
    const first = await invoke<Merchant>('createMerchant', {
      caller: desk.as.manager,
      body: admission(desk.store.id, '顾家家居'),
      headers,
    });
    const again = await invoke<Merchant>('createMerchant', {
      caller: desk.as.manager,
      body: admission(desk.store.id, '顾家家居'),
      headers,
    });
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({
      status: 'admitted',
      depositRequired: 5_000_000,
      depositBalance: 0,
      openClaims: 0,
      receivable: 0,
      version: 1,
    });
    expect(await merchantOf(first.body.id)).toEqual(first.body);
    const admittedList = await invoke<Page<Merchant>>('listMerchants', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id, status: 'admitted' },
    });
    expect(admittedList.body.items.map((m) => m.id)).toContain(first.body.id);
    const activeList = await invoke<Page<Merchant>>('listMerchants', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id, status: 'active' },
    });
    expect(activeList.body.items.map((m) => m.id)).not.toContain(first.body.id);
    const named = (await itemsOfTenant(desk.tenant)).filter(
      (item) => item.entity === 'merchant' && item.name === '顾家家居',
    );
    expect(named).toHaveLength(1);
  });

  it('createMerchant: a contract that ends before it starts is a 400 naming contractEnd, and writes nothing', async () => {
    const before = (await itemsOfTenant(desk.tenant)).length;
    const result = await invoke('createMerchant', {
      caller: desk.as.manager,
      body: { ...admission(desk.store.id), contractEnd: '2025-12-31' },
    });
    expect(result.status).toBe(400);
    expect(problem(result).errors?.map((issue) => issue.path)).toEqual(['contractEnd']);
    expect((await itemsOfTenant(desk.tenant)).length).toBe(before);
  });

  it('transitionMerchant: admitted → active; a second opening is 409 and a stale version is 409', async () => {
    const merchant = await admitted();
    const opened = await invoke<Merchant>('transitionMerchant', {
      caller: desk.as.manager,
      params: { merchantId: merchant.id },
      body: { to: 'active', version: 1 },
    });
    expect(opened.body).toMatchObject({ status: 'active', version: 2 });
    const twice = await invoke('transitionMerchant', {
      caller: desk.as.manager,
      params: { merchantId: merchant.id },
      body: { to: 'active', version: 2 },
    });
    expect([twice.status, problem(twice).code]).toEqual([409, 'merchant_transition_not_allowed']);
    const stale = await invoke('transitionMerchant', {
      caller: desk.as.manager,
      params: { merchantId: merchant.id },
      body: { to: 'exiting', version: 1 },
    });
    expect([stale.status, problem(stale).code]).toEqual([409, 'version_conflict']);
  });

  it('transitionMerchant, fireMerchantTimer: exits at the end of its 30-day notice, holds the deposit 90 days, then reminds the store once', async () => {
    setClock('2026-12-01T10:00:00+08:00');
    const merchant = await admitted('撤场商户');
    await book(merchant.id, { kind: 'deposit', amount: 5_000_000, reference: 'SJ-EXIT-1' });
    const current = await merchantOf(merchant.id);
    const exiting = await invoke<Merchant>('transitionMerchant', {
      caller: desk.as.manager,
      params: { merchantId: merchant.id },
      body: {
        to: 'exiting',
        version: current.version,
        noticeAt: '2026-12-01T10:00:00+08:00',
        reason: '合同到期不续约',
      },
    });
    expect(exiting.body).toMatchObject({
      status: 'exiting',
      noticeAt: '2026-12-01T02:00:00.000Z',
      exitAt: '2026-12-31T02:00:00.000Z',
      holdDays: 90,
    });
    // During the notice the deposit is not refunded.
    const early = await book(merchant.id, { kind: 'refund', amount: 1, reference: 'TK-EARLY' });
    expect([early.status, problem(early).code]).toEqual([422, 'refund_blocked_hold']);

    setClock('2026-12-31T09:59:00+08:00');
    await timers.settle();
    expect((await merchantOf(merchant.id)).status).toBe('exiting');

    setClock('2026-12-31T10:01:00+08:00');
    await timers.settle();
    const exited = await merchantOf(merchant.id);
    expect(exited).toMatchObject({
      status: 'exited',
      holdUntil: '2027-03-31T02:00:00.000Z',
    });
    expect(exited.history.map((line) => line.what)).toEqual(['admitted', 'exiting', 'exited']);
    // An exited merchant's deposit takes no more money, and is held.
    const topUp = await book(merchant.id, { kind: 'top_up', amount: 100, reference: 'SJ-LATE' });
    expect([topUp.status, problem(topUp).code]).toEqual([422, 'merchant_exited']);
    const held = await book(merchant.id, { kind: 'refund', amount: 5_000_000, reference: 'TK-HELD' });
    expect([held.status, problem(held).code]).toEqual([422, 'refund_blocked_hold']);

    setClock('2027-03-31T10:01:00+08:00');
    await timers.settle();
    await timers.settle();
    const ended = await merchantOf(merchant.id);
    expect(ended.holdEndedAt).toBeDefined();
    expect(ended.history.filter((line) => line.what === 'hold_ended')).toHaveLength(1);
    for (const who of ['supervisor', 'manager'] as const) {
      const inbox = await invoke<Page<Notification>>('listNotifications', { caller: desk.as[who] });
      const reminders = inbox.body.items.filter(
        (n) => n.kind === 'merchant_hold_ended' && n.merchantId === merchant.id,
      );
      expect(reminders, who).toHaveLength(1);
    }
    const deskInbox = await invoke<Page<Notification>>('listNotifications', { caller: desk.as.desk });
    expect(deskInbox.body.items.filter((n) => n.kind === 'merchant_hold_ended')).toEqual([]);
    // The hold is over: the deposit goes back to the merchant, all of it and no more.
    const refund = await book(merchant.id, { kind: 'refund', amount: 5_000_000, reference: 'TK-END' });
    expect(refund.status).toBe(201);
    expect((await merchantOf(merchant.id)).depositBalance).toBe(0);
    const timersLeft = (await itemsOfTenant(desk.tenant)).filter(
      (item) => item.entity === 'timer' && item.subjectId === merchant.id,
    );
    expect(timersLeft).toEqual([]);
  });

  it('createTicket: a return or repair about an exited merchant’s goods goes to the store’s service center (dispatched to its members), and the timeline says why; other tickets do not', async () => {
    const serviceCenter = await invoke<{ id: string }>('createDepartment', {
      caller: desk.as.manager,
      body: {
        storeId: desk.store.id,
        name: '客服中心',
        members: [desk.staff.handler.id, desk.staff.tech.id],
        serviceCenter: true,
      },
    });
    expect(serviceCenter.status).toBe(201);
    setClock('2026-12-01T10:00:00+08:00');
    const [leaving, staying] = [await admitted('撤场灯饰'), await admitted('在场灯饰')];
    const exiting = await invoke<Merchant>('transitionMerchant', {
      caller: desk.as.manager,
      params: { merchantId: leaving.id },
      body: { to: 'exiting', version: leaving.version, noticeAt: '2026-12-01T10:00:00+08:00' },
    });
    expect(exiting.status).toBe(200);
    setClock('2026-12-31T10:01:00+08:00');
    await timers.settle();
    expect((await merchantOf(leaving.id)).status).toBe('exited');

    const customer = await invoke<{ id: string }>('createCustomer', {
      caller: desk.as.desk,
      body: { phone: '13700000077' },
    });
    const boughtFrom = async (merchantId: string) =>
      (
        await invoke<{ id: string }>('createPurchase', {
          caller: desk.as.desk,
          body: {
            customerId: customer.body.id,
            storeId: desk.store.id,
            merchantId,
            items: [{ name: '吊灯', category: 'lighting', amount: 88_800, warrantyMonths: 12 }],
            purchasedOn: '2026-11-20',
          },
        })
      ).body.id;
    const [leftGoods, stayingGoods] = [await boughtFrom(leaving.id), await boughtFrom(staying.id)];
    const open = async (type: string, purchaseId: string) => {
      const ticket = await invoke<Ticket>('createTicket', {
        caller: desk.as.desk,
        body: {
          storeId: desk.store.id,
          type,
          channel: 'walk_in',
          subject: '吊灯不亮',
          customerId: customer.body.id,
          purchaseId,
        },
      });
      expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
      const timeline = await invoke<Page<TimelineEvent>>('ticketTimeline', {
        caller: desk.as.desk,
        params: { ticketId: ticket.body.id },
      });
      return { ticket: ticket.body, events: timeline.body.items };
    };

    // A complaint handler and a technician are the service center: the return goes to the one able.
    const toCenter = await open('return', leftGoods);
    expect(toCenter.ticket).toMatchObject({ status: 'assigned', assigneeId: desk.staff.handler.id });
    expect(toCenter.events.map((event) => event.kind)).toEqual(['created', 'routed', 'assigned']);
    expect(toCenter.events[1]).toMatchObject({
      to: 'service_center',
      reason: 'merchant_exited',
      merchantId: leaving.id,
      merchantName: '撤场灯饰',
      departmentIds: [serviceCenter.body.id],
    });
    expect(toCenter.events[2]).toMatchObject({ auto: true, to: desk.staff.handler.id });
    const repair = await open('repair', leftGoods);
    expect(repair.ticket.assigneeId).toBe(desk.staff.tech.id);
    // The store asks no auto-dispatch: a merchant still trading, or a complaint, is left in the queue.
    for (const [type, purchaseId] of [
      ['return', stayingGoods],
      ['complaint', leftGoods],
    ] as const) {
      const plain = await open(type, purchaseId);
      expect(plain.ticket.assigneeId, type).toBeNull();
      expect(plain.events.map((event) => event.kind)).toEqual(['created']);
    }
  });

  it('recordDepositEntry: a retried voucher books once; the same voucher with another amount is 409', async () => {
    const merchant = await admitted();
    const body = { kind: 'deposit', amount: 5_000_000, reference: 'SJ-0001', note: '年度质量保证金' };
    const first = await book(merchant.id, body);
    const retried = await book(merchant.id, body);
    const keyed = await book(merchant.id, body, { 'idempotency-key': `dep-${merchant.id}` });
    expect([first.status, retried.status, keyed.status]).toEqual([201, 201, 201]);
    expect(retried.body.id).toBe(first.body.id);
    expect(keyed.body.id).toBe(first.body.id);
    const other = await book(merchant.id, { ...body, amount: 4_000_000 });
    expect([other.status, problem(other).code]).toEqual([409, 'deposit_reference_taken']);
    expect(await ledgerOf(merchant.id)).toEqual([first.body]);
    expect((await merchantOf(merchant.id)).depositBalance).toBe(5_000_000);
  });

  it('recordDepositEntry, listDepositEntries: the balance is the sum of entries, and never goes below zero', async () => {
    const merchant = await admitted();
    await book(merchant.id, { kind: 'deposit', amount: 300_000, reference: 'A' });
    await book(merchant.id, { kind: 'top_up', amount: 200_000, reference: 'B' });
    await book(merchant.id, { kind: 'deduction', amount: 450_000, reference: 'C', note: '违规罚没' });
    const before = await ledgerItems();
    const over = await book(merchant.id, { kind: 'deduction', amount: 50_001, reference: 'D' });
    expect([over.status, problem(over).code]).toEqual([422, 'deposit_insufficient']);
    expect(await ledgerItems()).toBe(before);
    const entries = await ledgerOf(merchant.id);
    expect(entries.map((entry) => [entry.kind, entry.delta])).toEqual([
      ['deposit', 300_000],
      ['top_up', 200_000],
      ['deduction', -450_000],
    ]);
    expect((await merchantOf(merchant.id)).depositBalance).toBe(50_000);
  });

  it('recordDepositEntry: a refund is refused while a compensation claim against the merchant is open', async () => {
    const merchant = await admitted();
    await book(merchant.id, { kind: 'deposit', amount: 100_000, reference: 'SJ-R1' });
    const ticket = await invoke<Ticket>('createTicket', {
      caller: desk.as.desk,
      body: { storeId: desk.store.id, type: 'complaint', channel: 'walk_in', subject: '沙发开裂' },
    });
    const claim = await invoke<{ id: string }>('createCompensationClaim', {
      caller: desk.as.desk,
      body: {
        ticketId: ticket.body.id,
        merchantId: merchant.id,
        amount: 20_000,
        reason: '沙发开裂',
        beneficiary: { name: '王女士' },
      },
    });
    expect(claim.status).toBe(201);
    expect((await merchantOf(merchant.id)).openClaims).toBe(1);
    const refused = await book(merchant.id, { kind: 'refund', amount: 100_000, reference: 'TK-R1' });
    expect([refused.status, problem(refused).code]).toEqual([422, 'refund_blocked_open_claims']);
    await invoke('decideCompensationClaim', {
      caller: desk.as.supervisor,
      params: { claimId: claim.body.id },
      body: { decision: 'reject', reason: '人为损坏' },
    });
    expect((await merchantOf(merchant.id)).openClaims).toBe(0);
    const refunded = await book(merchant.id, { kind: 'refund', amount: 100_000, reference: 'TK-R1' });
    expect(refunded.status).toBe(201);
  });

  it('getMerchant, transitionMerchant, recordDepositEntry, listDepositEntries, listMerchants: another tenant gets 404, another store 403', async () => {
    const merchant = await admitted();
    const stranger = admin(freshTenant('merchants'));
    const params = { merchantId: merchant.id };
    const foreign = await Promise.all([
      invoke('getMerchant', { caller: stranger, params }),
      invoke('transitionMerchant', { caller: stranger, params, body: { to: 'active', version: 1 } }),
      invoke('recordDepositEntry', {
        caller: stranger,
        params,
        body: { kind: 'deposit', amount: 1, reference: 'X' },
      }),
      invoke('listDepositEntries', { caller: stranger, params }),
    ]);
    expect(foreign.map((result) => result.status)).toEqual([404, 404, 404, 404]);
    const elsewhere = {
      tenantId: desk.tenant,
      userId: 'mgr-elsewhere',
      roles: ['manager'] as const,
      storeIds: [desk.otherStore.id],
    };
    const outside = await Promise.all([
      invoke('getMerchant', { caller: elsewhere, params }),
      invoke('listMerchants', { caller: elsewhere, query: { storeId: desk.store.id } }),
      invoke('recordDepositEntry', {
        caller: elsewhere,
        params,
        body: { kind: 'deposit', amount: 1, reference: 'X' },
      }),
    ]);
    expect(outside.map((result) => [result.status, problem(result).code])).toEqual([
      [403, 'store_out_of_scope'],
      [403, 'store_out_of_scope'],
      [403, 'store_out_of_scope'],
    ]);
    expect((await merchantOf(merchant.id)).version).toBe(1);
  });
});
