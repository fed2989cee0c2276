import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startTimerRuntime, type TimerRuntime } from '../../infra/local/timer-runtime';
import type { StaffRole } from '../../shared/access/roles';
import type { CompensationClaim } from '../../shared/compensation/views';
import type { Page } from '../../shared/db/cursor';
import type { DepositEntry, Merchant } from '../../shared/merchants/views';
import type { Notification } from '../../shared/notifications/views';
import type { Ticket, TimelineEvent } from '../../shared/tickets/views';
import { setClockOffset } from '../../shared/time/clock';
import { weekdaysNineToSix } from '../kit/bodies';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { type Caller, invoke, problem } from '../kit/invoke';
import { itemsOfTenant } from '../kit/table';

const repoRoot = new URL('../..', import.meta.url).pathname;
const setClock = (at: string) => setClockOffset(Date.parse(at) - Date.now());
let timers: TimerRuntime;
let desk: DeskFixture;

beforeAll(async () => {
  timers = await startTimerRuntime({ repoRoot, intervals: false });
  desk = await deskFixture('compensation');
});
afterAll(() => timers.stop());
afterEach(() => setClockOffset(0));

let serial = 0;
/** A caller of the store with one role, a sign-in of their own. */
const person = (role: StaffRole, name = `${role}-${serial++}`): Caller => ({
  tenantId: desk.tenant,
  userId: name,
  roles: [role],
  storeIds: [desk.store.id],
});

async function merchantWithDeposit(deposit: number): Promise<Merchant> {
  const merchant = (
    await invoke<Merchant>('createMerchant', {
      caller: desk.admin,
      body: {
        storeId: desk.store.id,
        name: `商户 ${serial++}`,
        licenceNumber: '91310000MA1FL0XX1X',
        contact: { name: 'Lin', phone: '13900002222' },
        categories: ['furniture'],
        contractStart: '2026-01-01',
        contractEnd: '2027-12-31',
        depositRequired: deposit,
      },
    })
  ).body;
  if (deposit > 0) {
    await invoke('recordDepositEntry', {
      caller: desk.admin,
      params: { merchantId: merchant.id },
      body: { kind: 'deposit', amount: deposit, reference: `SJ-${merchant.id}` },
    });
  }
  return merchant;
}

async function complaint(type = 'complaint'): Promise<Ticket> {
  return (
    await invoke<Ticket>('createTicket', {
      caller: desk.as.desk,
      body: { storeId: desk.store.id, type, channel: 'walk_in', subject: '衣柜门脱落' },
    })
  ).body;
}

async function claimFor(amount: number, merchant?: Merchant, requester: Caller = desk.as.desk) {
  const target = merchant ?? (await merchantWithDeposit(0));
  const result = await invoke<CompensationClaim>('createCompensationClaim', {
    caller: requester,
    body: {
      ticketId: (await complaint()).id,
      merchantId: target.id,
      amount,
      reason: '衣柜门脱落砸伤',
      beneficiary: { name: '王女士', phone: '13800138000' },
    },
  });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body;
}

const decide = (claimId: string, caller: Caller, body: Record<string, unknown> = { decision: 'approve' }) =>
  invoke<CompensationClaim>('decideCompensationClaim', { caller, params: { claimId }, body });

const claimOf = async (claimId: string) =>
  (await invoke<CompensationClaim>('getCompensationClaim', { caller: desk.as.handler, params: { claimId } }))
    .body;

const timelineOf = async (ticketId: string) =>
  (
    await invoke<Page<TimelineEvent>>('ticketTimeline', {
      caller: desk.as.desk,
      params: { ticketId },
      query: { limit: '100' },
    })
  ).body.items;

const compensationSteps = (events: readonly TimelineEvent[], claimId: string) =>
  events.flatMap((event) => (event.kind === 'compensation' && event.claimId === claimId ? [event.step] : []));

describe('compensation claims (先行赔付)', () => {
  const bands = [
    { label: '¥300', amount: 30_000, first: 'supervisor' },
    { label: '¥5,000', amount: 500_000, first: 'manager' },
    { label: '¥8,000', amount: 800_000, first: 'manager' },
  ] as const;
  const rank = { supervisor: 1, manager: 2, admin: 3 } as const;

  for (const band of bands) {
    for (const role of ['supervisor', 'manager', 'admin'] as const) {
      const counts = rank[role] >= rank[band.first];
      it(`decideCompensationClaim: ${band.label} × ${role} → ${counts ? '200' : '403 approval_level_insufficient'}`, async () => {
        const claim = await claimFor(band.amount);
        const result = await decide(claim.id, person(role));
        if (counts) {
          expect(result.status, JSON.stringify(result.body)).toBe(200);
          expect(result.body.decisions).toHaveLength(1);
        } else {
          expect([result.status, problem(result).code]).toEqual([403, 'approval_level_insufficient']);
          expect((await claimOf(claim.id)).version).toBe(claim.version);
        }
      });
    }
    for (const role of ['front_desk', 'complaint_handler', 'technician'] as const) {
      it(`decideCompensationClaim: ${band.label} × ${role} → 403 role_not_allowed`, async () => {
        const claim = await claimFor(band.amount);
        const result = await decide(claim.id, person(role));
        expect([result.status, problem(result).code]).toEqual([403, 'role_not_allowed']);
      });
    }
  }

  it('decideCompensationClaim: the requester never approves their own claim', async () => {
    const manager = person('manager');
    const claim = await claimFor(30_000, undefined, manager);
    const result = await decide(claim.id, manager);
    expect([result.status, problem(result).code]).toEqual([422, 'self_approval']);
    expect((await claimOf(claim.id)).decisions).toEqual([]);
  });

  it('decideCompensationClaim: one person approves once; the two-person step takes a second, different person', async () => {
    const claim = await claimFor(800_000);
    const boss = person('admin');
    expect((await decide(claim.id, boss)).status).toBe(200);
    const again = await decide(claim.id, boss);
    expect([again.status, problem(again).code]).toEqual([422, 'already_approved']);
    expect((await claimOf(claim.id)).status).toBe('pending_approval');
    const second = await decide(claim.id, person('admin'));
    expect(second.body).toMatchObject({ status: 'approved' });
    expect(second.body.decisions.map((d) => d.role)).toEqual(['manager', 'admin']);
  });

  it('decideCompensationClaim: of 20 concurrent approvals of one step exactly one counts', async () => {
    for (const amount of [30_000, 800_000]) {
      const claim = await claimFor(amount);
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          decide(claim.id, person(amount > 500_000 ? 'manager' : 'supervisor')),
        ),
      );
      const counted = results.filter((result) => result.status === 200);
      expect(counted).toHaveLength(1);
      for (const result of results.filter((r) => r.status !== 200)) {
        expect([409, 503], JSON.stringify(result.body)).toContain(result.status);
      }
      const stored = await claimOf(claim.id);
      expect(stored.decisions).toHaveLength(1);
      expect(stored.decisions[0]?.by).toBe(counted[0]?.body.decisions[0]?.by);
      const steps = compensationSteps(await timelineOf(claim.ticketId), claim.id);
      expect(steps.filter((step) => step === 'approval')).toHaveLength(1);
    }
  }, 60_000);

  it('decideCompensationClaim: a rejection needs its reason, closes the claim and frees the merchant', async () => {
    const merchant = await merchantWithDeposit(10_000);
    const claim = await claimFor(20_000, merchant);
    const bare = await decide(claim.id, desk.as.supervisor, { decision: 'reject' });
    expect(bare.status).toBe(400);
    const rejected = await decide(claim.id, desk.as.supervisor, { decision: 'reject', reason: '人为损坏' });
    expect(rejected.body).toMatchObject({ status: 'rejected' });
    const after = (
      await invoke<Merchant>('getMerchant', { caller: desk.admin, params: { merchantId: merchant.id } })
    ).body;
    expect(after.openClaims).toBe(0);
    expect(compensationSteps(await timelineOf(claim.ticketId), claim.id)).toEqual(['requested', 'rejected']);
  });

  it('recordCompensationPayment, recoverCompensationClaim, settleCompensationReceivable: ¥8,000 paid, ¥5,000 deducted from the deposit once however often it is asked, ¥3,000 receivable settled in two payments, then closed', async () => {
    const merchant = await merchantWithDeposit(500_000);
    const claim = await claimFor(800_000, merchant);
    await decide(claim.id, desk.as.manager);
    await decide(claim.id, desk.admin);
    const unpaid = await invoke('recoverCompensationClaim', {
      caller: desk.as.manager,
      params: { claimId: claim.id },
      body: {},
    });
    expect([unpaid.status, problem(unpaid).code]).toEqual([409, 'claim_status']);
    const paid = await invoke<CompensationClaim>('recordCompensationPayment', {
      caller: desk.as.supervisor,
      params: { claimId: claim.id },
      body: { method: 'bank_transfer', reference: 'TX-20261201-01', paidBy: '财务 陈' },
    });
    expect(paid.body).toMatchObject({
      status: 'paid',
      payment: { paidBy: '财务 陈', recordedBy: desk.as.supervisor.userId },
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        invoke<CompensationClaim>('recoverCompensationClaim', {
          caller: desk.as.manager,
          params: { claimId: claim.id },
          body: { note: '质保金扣除' },
        }),
      ),
    );
    expect(results.filter((result) => result.status === 200)).toHaveLength(1);
    const closed = await claimOf(claim.id);
    expect(closed).toMatchObject({
      status: 'recovered',
      recovery: { deducted: 500_000, receivable: 300_000 },
    });
    expect(closed.closedAt).toBeUndefined();
    const ledger = (
      await invoke<Page<DepositEntry>>('listDepositEntries', {
        caller: desk.admin,
        params: { merchantId: merchant.id },
      })
    ).body.items;
    const deductions = ledger.filter((entry) => entry.kind === 'deduction');
    expect(deductions).toHaveLength(1);
    expect(deductions[0]).toMatchObject({ amount: 500_000, claimId: claim.id, id: closed.recovery?.entryId });
    const after = (
      await invoke<Merchant>('getMerchant', { caller: desk.admin, params: { merchantId: merchant.id } })
    ).body;
    expect(after).toMatchObject({ depositBalance: 0, receivable: 300_000, openClaims: 0 });
    expect(compensationSteps(await timelineOf(claim.ticketId), claim.id)).toEqual([
      'requested',
      'approval',
      'approval',
      'approved',
      'paid',
      'recovered',
    ]);

    const settle = (body: Record<string, unknown>) =>
      invoke<CompensationClaim>('settleCompensationReceivable', {
        caller: desk.as.manager,
        params: { claimId: claim.id },
        body: { method: 'bank_transfer', ...body },
      });
    const tooMuch = await settle({ amount: 300_001, reference: 'HK-1', version: closed.version });
    expect([tooMuch.status, problem(tooMuch).code]).toEqual([422, 'settlement_exceeds_receivable']);
    const bySupervisor = await invoke('settleCompensationReceivable', {
      caller: desk.as.supervisor,
      params: { claimId: claim.id },
      body: { amount: 1, method: 'cash', reference: 'HK-0' },
    });
    expect([bySupervisor.status, problem(bySupervisor).code]).toEqual([403, 'role_not_allowed']);
    const part = await settle({ amount: 100_000, reference: 'HK-1', version: closed.version });
    expect(part.body).toMatchObject({
      status: 'recovered',
      settlements: [{ amount: 100_000, reference: 'HK-1' }],
    });
    const retried = await settle({ amount: 100_000, reference: 'HK-1', version: closed.version });
    expect([retried.status, problem(retried).code]).toEqual([409, 'version_conflict']);
    const rest = await settle({ amount: 200_000, reference: 'HK-2', version: part.body.version });
    expect(rest.body).toMatchObject({ status: 'closed' });
    expect(rest.body.closedAt).toBeDefined();
    const settledMerchant = (
      await invoke<Merchant>('getMerchant', { caller: desk.admin, params: { merchantId: merchant.id } })
    ).body;
    expect(settledMerchant).toMatchObject({ depositBalance: 0, receivable: 0, openClaims: 0 });
    const afterClose = await settle({ amount: 1, reference: 'HK-3', version: rest.body.version });
    expect([afterClose.status, problem(afterClose).code]).toEqual([409, 'claim_status']);
    expect(compensationSteps(await timelineOf(claim.ticketId), claim.id).slice(-4)).toEqual([
      'recovered',
      'settled',
      'settled',
      'closed',
    ]);
  }, 60_000);

  it('createCompensationClaim: refuses a repair ticket and a merchant of another store, writing nothing', async () => {
    const merchant = await merchantWithDeposit(0);
    const before = (await itemsOfTenant(desk.tenant)).filter(
      (item) => item.entity === 'compensation_claim',
    ).length;
    const repair = await invoke('createCompensationClaim', {
      caller: desk.as.desk,
      body: {
        ticketId: (await complaint('repair')).id,
        merchantId: merchant.id,
        amount: 100,
        reason: 'x',
        beneficiary: { name: 'y' },
      },
    });
    expect([repair.status, problem(repair).code]).toEqual([422, 'ticket_not_claimable']);
    const elsewhere = (
      await invoke<Merchant>('createMerchant', {
        caller: desk.admin,
        body: {
          storeId: desk.otherStore.id,
          name: '别店商户',
          licenceNumber: 'L',
          contact: { name: 'Lin', phone: '13900002222' },
          categories: ['furniture'],
          contractStart: '2026-01-01',
          contractEnd: '2027-12-31',
          depositRequired: 0,
        },
      })
    ).body;
    const wrongStore = await invoke('createCompensationClaim', {
      caller: desk.as.desk,
      body: {
        ticketId: (await complaint()).id,
        merchantId: elsewhere.id,
        amount: 100,
        reason: 'x',
        beneficiary: { name: 'y' },
      },
    });
    expect([wrongStore.status, problem(wrongStore).errors?.map((issue) => issue.path)]).toEqual([
      422,
      ['merchantId'],
    ]);
    const after = (await itemsOfTenant(desk.tenant)).filter(
      (item) => item.entity === 'compensation_claim',
    ).length;
    expect(after).toBe(before);
  });

  it('createCompensationClaim, fireClaimReminder: a claim waiting 8 business hours on its approver reminds them, then once each next working day until decided', async () => {
    const saved = await invoke('putStoreCalendar', {
      caller: desk.admin,
      params: { storeId: desk.store.id },
      body: { weekly: weekdaysNineToSix() },
    });
    expect(saved.status).toBe(200);
    setClock('2026-12-04T16:00:00+08:00'); // a Friday: 2 business hours left, 6 more from Monday 09:00
    const claim = await claimFor(30_000);
    // The test clock keeps running: the claim was made within a minute of Friday 16:00.
    const due = Date.parse(claim.reminderDueAt ?? '') - Date.parse('2026-12-07T15:00:00+08:00');
    expect(due).toBeGreaterThanOrEqual(0);
    expect(due).toBeLessThan(60_000);
    const reminders = async (caller: Caller) =>
      (await invoke<Page<Notification>>('listNotifications', { caller })).body.items.filter(
        (n) => n.kind === 'compensation_approval_waiting' && n.claimId === claim.id,
      );
    setClock('2026-12-07T14:59:00+08:00');
    await timers.settle();
    expect(await reminders(desk.as.supervisor)).toEqual([]);
    setClock('2026-12-07T15:01:00+08:00');
    await timers.settle();
    await timers.settle();
    expect(await reminders(desk.as.supervisor)).toHaveLength(1);
    expect(await reminders(desk.as.manager)).toHaveLength(1);
    expect(await reminders(desk.as.desk)).toEqual([]);
    expect(compensationSteps(await timelineOf(claim.ticketId), claim.id)).toEqual(['requested', 'reminded']);
    // Still undecided: once more at the start of the next working day (Tuesday 09:00), once only.
    setClock('2026-12-07T18:30:00+08:00');
    await timers.settle();
    expect(await reminders(desk.as.supervisor)).toHaveLength(1);
    setClock('2026-12-08T09:01:00+08:00');
    await timers.settle();
    await timers.settle();
    expect(await reminders(desk.as.supervisor)).toHaveLength(2);
    setClock('2026-12-08T17:00:00+08:00');
    await timers.settle();
    expect(await reminders(desk.as.supervisor)).toHaveLength(2);
    expect(compensationSteps(await timelineOf(claim.ticketId), claim.id)).toEqual([
      'requested',
      'reminded',
      'reminded',
    ]);
    // Approved: nothing more to remind, and no timer left behind.
    expect((await decide(claim.id, desk.as.supervisor)).status).toBe(200);
    const left = (await itemsOfTenant(desk.tenant)).filter(
      (item) => item.entity === 'timer' && item.subjectId === claim.id,
    );
    expect(left).toEqual([]);
    // Seven sweeps of the shared due index, which other files' timers share when files run side by side.
  }, 180_000);

  it("fireClaimReminder: the admin step of a ¥8,000 claim reminds the tenant's admins, not the manager who approved", async () => {
    const director = (
      await invoke<{ id: string }>('createStaff', {
        caller: desk.admin,
        body: { name: '总监', roles: ['admin'], storeIds: [], userId: `director-${desk.tenant}` },
      })
    ).body;
    const directorCaller: Caller = {
      tenantId: desk.tenant,
      userId: `director-${desk.tenant}`,
      roles: ['admin'],
    };
    setClock('2026-12-08T10:00:00+08:00');
    const claim = await claimFor(800_000);
    const approved = await decide(claim.id, desk.as.manager);
    expect(approved.body.status).toBe('pending_approval');
    const waiting = async (caller: Caller) =>
      (await invoke<Page<Notification>>('listNotifications', { caller })).body.items.filter(
        (n) => n.kind === 'compensation_approval_waiting' && n.claimId === claim.id,
      );
    setClockOffset(Date.parse(approved.body.reminderDueAt ?? '') + 60_000 - Date.now());
    await timers.settle();
    await timers.settle();
    expect((await waiting(directorCaller)).map((n) => n.staffId)).toEqual([director.id]);
    expect(await waiting(desk.as.manager)).toEqual([]);
    expect(await waiting(desk.as.supervisor)).toEqual([]);
  }, 60_000);

  it('listCompensationClaims: the register of a store by period and status', async () => {
    const claim = await claimFor(12_300);
    const register = await invoke<Page<CompensationClaim>>('listCompensationClaims', {
      caller: desk.as.supervisor,
      query: {
        storeId: desk.store.id,
        status: 'pending_approval',
        from: claim.createdAt,
        to: claim.createdAt,
      },
    });
    expect(register.body.items.map((item) => item.id)).toEqual([claim.id]);
    const before = await invoke<Page<CompensationClaim>>('listCompensationClaims', {
      caller: desk.as.supervisor,
      query: { storeId: desk.store.id, to: '2020-01-01T00:00:00Z' },
    });
    expect(before.body.items).toEqual([]);
    const approvedOnly = await invoke<Page<CompensationClaim>>('listCompensationClaims', {
      caller: desk.as.supervisor,
      query: { storeId: desk.store.id, status: 'approved', limit: '100' },
    });
    expect(approvedOnly.body.items.every((item) => item.status === 'approved')).toBe(true);
    expect(approvedOnly.body.items.map((item) => item.id)).not.toContain(claim.id);
  });
});
