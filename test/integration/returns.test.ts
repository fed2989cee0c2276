import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTimerRuntime, type TimerRuntime } from '../../infra/local/timer-runtime';
import type { EligibilityDecision } from '../../shared/after-sales/eligibility';
import { returnTimerKey } from '../../shared/after-sales/entities';
import type { ReturnCase } from '../../shared/after-sales/model';
import type { AfterSalesPolicy } from '../../shared/after-sales/schema';
import type { Purchase } from '../../shared/customers/views';
import type { Page } from '../../shared/db/cursor';
import type { Notification } from '../../shared/notifications/inbox';
import type { Revisit } from '../../shared/revisits/views';
import type { Ticket, TimelineEvent } from '../../shared/tickets/views';
import { setClockOffset } from '../../shared/time/clock';
import { findTimer } from '../../shared/timers/repository';
import { type DeskFixture, deskFixture, succeeded } from '../kit/fixtures';
import { badFields, invoke, problem } from '../kit/invoke';
import { itemsOfTenant } from '../kit/table';

/** The store's local date `days` from today (Asia/Shanghai, the fixture stores' zone). */
const localDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

const snapshot = async (tenant: string) =>
  (await itemsOfTenant(tenant)).map((item) => JSON.stringify(item)).sort();

describe('after-sales: policy, eligibility, return and exchange cases', () => {
  let desk: DeskFixture;
  let customerId: string;

  /** A sofa (line 1) and two dining chairs (line 2), delivered `deliveredDaysAgo` days ago. */
  const buy = async (deliveredDaysAgo: number) =>
    succeeded<Purchase>('createPurchase', {
      caller: desk.as.desk,
      body: {
        customerId,
        storeId: desk.store.id,
        items: [
          { name: '三人位布艺沙发', category: 'sofa', amount: 459_900 },
          { name: '实木餐椅', category: 'furniture', amount: 60_000, quantity: 2 },
        ],
        purchasedOn: localDay(-deliveredDaysAgo - 1),
        deliveredOn: localDay(-deliveredDaysAgo),
      },
    });

  const returnBody = (purchase: Purchase, extra: Record<string, unknown> = {}) => ({
    customerId,
    purchaseId: purchase.id,
    kind: 'return',
    reason: 'no_reason',
    items: [{ line: 1 }],
    ...extra,
  });

  /** The return or exchange ticket the desk opens first (createTicket), about the purchase. */
  const openTicket = async (purchaseId: string, type = 'return') =>
    succeeded<Ticket>('createTicket', {
      caller: desk.as.desk,
      body: { storeId: desk.store.id, type, channel: 'walk_in', subject: '退换货', customerId, purchaseId },
    });

  const create = async (body: Record<string, unknown>, headers?: Record<string, string>) => {
    const ticketId =
      (body.ticketId as string | undefined) ?? (await openTicket(body.purchaseId as string)).id;
    const result = await invoke<ReturnCase>('createReturn', {
      caller: desk.as.desk,
      body: { ...body, ticketId },
      ...(headers ? { headers } : {}),
    });
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    return result.body;
  };

  const step = (returnCase: ReturnCase, body: Record<string, unknown>, caller = desk.as.desk) =>
    invoke<ReturnCase>('recordReturnStep', {
      caller,
      params: { returnId: returnCase.id },
      body: { version: returnCase.version, ...body },
    });

  const stepOk = async (returnCase: ReturnCase, body: Record<string, unknown>, caller = desk.as.desk) => {
    const result = await step(returnCase, body, caller);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    return result.body;
  };

  const timeline = async (ticketId: string) =>
    (
      await succeeded<Page<TimelineEvent>>('ticketTimeline', {
        caller: desk.as.desk,
        params: { ticketId },
        query: { limit: '100' },
      })
    ).items;

  beforeAll(async () => {
    desk = await deskFixture('returns');
    customerId = (
      await succeeded<{ id: string }>('createCustomer', {
        caller: desk.as.desk,
        body: { phone: `135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` },
      })
    ).id;
    // A bound, not a pace: the fixture's writes take well over 10 s when every core is busy.
  }, 60_000);

  it('getAfterSalesPolicy, putAfterSalesPolicy: the domain file’s defaults at version 0, then versioned saves', async () => {
    const defaults = await succeeded<AfterSalesPolicy>('getAfterSalesPolicy', { caller: desk.as.desk });
    expect(defaults.version).toBe(0);
    expect(defaults.noReason).toMatchObject({ enabled: true, days: 7 });
    expect(defaults.classes.furniture_upholstered).toMatchObject({
      warrantyMonths: 24,
      returnDays: 90,
      exchangeDays: 180,
    });
    expect(defaults.classes.television).toMatchObject({
      warrantyMonths: 12,
      returnDays: 7,
      exchangeDays: 15,
      depreciationBpPerDay: 10,
    });
    expect(defaults.overrideRoles).toEqual(['supervisor', 'manager', 'admin']);

    const bad = await invoke('putAfterSalesPolicy', {
      caller: desk.admin,
      body: { noReason: { days: 0 }, defaultClass: 'nothing_like_it' },
    });
    expect(bad.status).toBe(400);
    expect(badFields(bad)).toEqual(expect.arrayContaining(['body.noReason.days']));

    const saved = await invoke<AfterSalesPolicy>('putAfterSalesPolicy', {
      caller: desk.admin,
      body: { noReason: { days: 10 } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, noReason: { days: 10, enabled: true } });
    const stale = await invoke('putAfterSalesPolicy', {
      caller: desk.admin,
      body: { noReason: { days: 7 } },
    });
    expect([stale.status, problem(stale).code]).toEqual([409, 'version_conflict']);
    const back = await invoke<AfterSalesPolicy>('putAfterSalesPolicy', {
      caller: desk.admin,
      body: { noReason: { days: 7 }, version: 1 },
    });
    expect(back.body.version).toBe(2);
    expect((await invoke('putAfterSalesPolicy', { caller: desk.as.supervisor, body: {} })).status).toBe(403);
  });

  it('checkReturnEligibility: answers with the decision and its trace and writes nothing', async () => {
    const purchase = await buy(8);
    const before = await snapshot(desk.tenant);
    const answer = await invoke<EligibilityDecision>('checkReturnEligibility', {
      caller: desk.as.desk,
      body: returnBody(purchase),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.outcomes).toEqual(['refused']);
    expect(answer.body.refusals.map((refusal) => refusal.code)).toContain('no_reason_window_passed');
    expect(answer.body.trace.find((entry) => entry.rule === 'A.window')).toMatchObject({
      result: 'failed',
      inputs: { day: 8, days: 7 },
    });
    const quality = await invoke<EligibilityDecision>('checkReturnEligibility', {
      caller: desk.as.desk,
      body: returnBody(purchase, { reason: 'quality_problem', seriousDefect: true }),
    });
    expect(quality.body).toMatchObject({ outcomes: ['refund', 'exchange', 'repair'], refundAmount: 459_900 });
    expect(await snapshot(desk.tenant)).toEqual(before);

    const badLine = await invoke('checkReturnEligibility', {
      caller: desk.as.desk,
      body: returnBody(purchase, { items: [{ line: 1 }, { line: 3 }] }),
    });
    expect(badLine.status).toBe(400);
    expect(badFields(badLine)).toEqual(['body.items.1.line']);
    expect(await snapshot(desk.tenant)).toEqual(before);
  });

  it('createReturn: records the case on its return ticket with its decision and policy version, once per Idempotency-Key', async () => {
    const purchase = await buy(2);
    const key = `return-${purchase.id}`;
    const { id: ticketId } = await openTicket(purchase.id);
    const first = await create(returnBody(purchase, { ticketId }), { 'idempotency-key': key });
    const retry = await create(returnBody(purchase, { ticketId }), { 'idempotency-key': key });
    expect(retry).toEqual(first);
    expect(first).toMatchObject({
      status: 'decided',
      storeId: desk.store.id,
      purchaseId: purchase.id,
      allowedOutcomes: ['refund', 'exchange'],
      refundLimit: 459_900,
      policyVersion: 2,
      version: 1,
    });
    const ticket = await succeeded<Ticket>('getTicket', {
      caller: desk.as.desk,
      params: { ticketId: first.ticketId },
    });
    expect(ticket).toMatchObject({
      type: 'return',
      customerId,
      purchaseId: purchase.id,
      storeId: desk.store.id,
    });
    const events = await timeline(first.ticketId);
    expect(events.map((event) => event.kind)).toEqual(['created', 'case_step']);
    expect(events[1]).toMatchObject({ caseKind: 'return', caseId: first.id, step: 'decided', to: 'decided' });
    const cases = await succeeded<Page<ReturnCase>>('listReturns', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id, limit: '100' },
    });
    expect(cases.items.filter((listed) => listed.ticketId === ticketId)).toHaveLength(1);
    expect(await succeeded('getReturn', { caller: desk.as.desk, params: { returnId: first.id } })).toEqual(
      first,
    );
  });

  it('createReturn: only on a ticket of the store that sold and of the customer; bad input names every field and writes nothing', async () => {
    const purchase = await buy(1);
    const ticket = await succeeded<Ticket>('createTicket', {
      caller: desk.as.desk,
      body: { storeId: desk.store.id, type: 'exchange', channel: 'phone', subject: '换椅子', customerId },
    });
    const attached = await create(
      returnBody(purchase, { kind: 'exchange', items: [{ line: 2, quantity: 1 }], ticketId: ticket.id }),
    );
    expect(attached.ticketId).toBe(ticket.id);
    expect((await timeline(ticket.id)).at(-1)).toMatchObject({ kind: 'case_step', caseId: attached.id });

    const before = await snapshot(desk.tenant);
    const bad = await invoke('createReturn', {
      caller: desk.as.desk,
      body: { customerId, purchaseId: purchase.id, kind: 'repair', reason: 'why not', items: [{ line: 0 }] },
    });
    expect(bad.status).toBe(400);
    expect(badFields(bad).sort()).toEqual(['body.items.0.line', 'body.kind', 'body.reason', 'body.ticketId']);
    const stranger = await succeeded<{ id: string }>('createCustomer', {
      caller: desk.as.desk,
      body: { phone: `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` },
    });
    const theirs = await succeeded<Ticket>('createTicket', {
      caller: desk.as.desk,
      body: {
        storeId: desk.store.id,
        type: 'return',
        channel: 'phone',
        subject: 'x',
        customerId: stranger.id,
      },
    });
    const otherCustomer = await invoke('createReturn', {
      caller: desk.as.desk,
      body: returnBody(purchase, { ticketId: theirs.id }),
    });
    expect([otherCustomer.status, badFields(otherCustomer)]).toEqual([422, ['body.ticketId']]);
    const elsewhere = await succeeded<Ticket>('createTicket', {
      caller: desk.admin,
      body: { storeId: desk.otherStore.id, type: 'return', channel: 'phone', subject: 'elsewhere' },
    });
    const wrongStore = await invoke('createReturn', {
      caller: desk.admin,
      body: returnBody(purchase, { ticketId: elsewhere.id }),
    });
    expect([wrongStore.status, badFields(wrongStore)]).toEqual([422, ['body.ticketId']]);
    expect((await snapshot(desk.tenant)).filter((item) => item.includes('"return_case"'))).toEqual(
      before.filter((item) => item.includes('"return_case"')),
    );
  });

  it('recordReturnStep: goods received → refunded, each step on the ticket timeline; outcomes, limits and versions enforced', async () => {
    const purchase = await buy(3);
    const opened = await create(returnBody(purchase, { items: [{ line: 2, quantity: 1 }] }));
    expect(opened.refundLimit).toBe(60_000);

    const notAllowed = await step(opened, { step: 'choose_repair' });
    expect([notAllowed.status, problem(notAllowed).code]).toEqual([409, 'return_step_not_allowed']);
    const tooEarly = await step(opened, {
      step: 'refund',
      amount: 60_000,
      method: 'wechat_pay',
      reference: 'WX1',
    });
    expect(tooEarly.status).toBe(409);

    const received = await stepOk(opened, { step: 'receive_goods', outcome: 'refund' });
    expect(received).toMatchObject({ status: 'goods_received', outcome: 'refund', version: 2 });
    const stale = await step(opened, { step: 'receive_goods', outcome: 'refund' });
    expect([stale.status, problem(stale).code]).toEqual([409, 'version_conflict']);
    const tooMuch = await step(received, {
      step: 'refund',
      amount: 60_001,
      method: 'wechat_pay',
      reference: 'WX1',
    });
    expect([tooMuch.status, badFields(tooMuch)]).toEqual([400, ['body.amount']]);

    const refunded = await stepOk(received, {
      step: 'refund',
      amount: 60_000,
      method: 'wechat_pay',
      reference: 'WX1',
    });
    expect(refunded).toMatchObject({
      status: 'done',
      refund: { amount: 60_000, method: 'wechat_pay', reference: 'WX1' },
    });
    expect(refunded.history.map((entry) => entry.step)).toEqual(['decided', 'receive_goods', 'refund']);
    const events = (await timeline(opened.ticketId)).filter((event) => event.kind === 'case_step');
    expect(events.map((event) => (event.kind === 'case_step' ? `${event.step}→${event.to}` : ''))).toEqual([
      'decided→decided',
      'receive_goods→goods_received',
      'refund→done',
    ]);
    // One chair of two back: the purchase stays active.
    const purchases = await succeeded<Page<Purchase>>('listCustomerPurchases', {
      caller: desk.as.desk,
      params: { customerId },
      query: { limit: '100' },
    });
    expect(purchases.items.find((listed) => listed.id === purchase.id)?.status).toBe('active');
  });

  it('recordReturnStep: a refusal is explained and recorded; overriding it takes a supervisor and a reason, and shows in the trace', async () => {
    const purchase = await buy(9);
    const refused = await create(returnBody(purchase));
    expect(refused.allowedOutcomes).toEqual(['refused']);
    const receive = await step(refused, { step: 'receive_goods', outcome: 'refund' });
    expect(receive.status).toBe(409);

    const byDesk = await step(refused, { step: 'override', outcome: 'refund', reason: '老顾客，店长同意' });
    expect([byDesk.status, problem(byDesk).code]).toEqual([403, 'override_not_allowed']);
    const noReason = await step(refused, { step: 'override', outcome: 'refund' }, desk.as.supervisor);
    expect([noReason.status, badFields(noReason)]).toEqual([400, ['body.reason']]);
    const overridden = await stepOk(
      refused,
      { step: 'override', outcome: 'refund', reason: '老顾客，店长同意', refundAmount: 400_000 },
      desk.as.supervisor,
    );
    expect(overridden).toMatchObject({
      status: 'decided',
      allowedOutcomes: ['refund'],
      refundLimit: 400_000,
    });
    expect(overridden.decision.trace.at(-1)).toMatchObject({
      rule: 'override',
      inputs: { outcome: 'refund', reason: '老顾客，店长同意', by: desk.as.supervisor.userId },
    });
    const refuseNow = await step(overridden, { step: 'refuse', explanation: '已超过七天' });
    expect(refuseNow.status).toBe(409);

    const other = await create(returnBody(purchase));
    const explained = await stepOk(other, {
      step: 'refuse',
      explanation: '签收已超过七天，按店堂告示不能无理由退货；如有质量问题可申请维修。',
    });
    expect(explained).toMatchObject({ status: 'refused', refusal: { by: desk.as.desk.userId } });
  });

  it('recordReturnStep: when every item is back the purchase becomes returned and its revisits still to do are cancelled', async () => {
    const purchase = await buy(1);
    const revisitsOf = async () =>
      (
        await succeeded<Page<Revisit>>('listCustomerRevisits', {
          caller: desk.as.desk,
          params: { customerId },
          query: { limit: '100' },
        })
      ).items.filter((revisit) => revisit.purchaseId === purchase.id);
    expect((await revisitsOf()).some((revisit) => revisit.status === 'scheduled')).toBe(true);

    const refund = async (items: { line: number; quantity?: number }[]) => {
      const opened = await create(returnBody(purchase, { items }));
      const received = await stepOk(opened, { step: 'receive_goods', outcome: 'refund' });
      return stepOk(received, {
        step: 'refund',
        amount: received.refundLimit,
        method: 'cash',
        reference: `R-${opened.id}`,
      });
    };
    await refund([{ line: 2, quantity: 1 }]);
    const purchaseStatus = async () =>
      (
        await succeeded<Page<Purchase>>('listCustomerPurchases', {
          caller: desk.as.desk,
          params: { customerId },
          query: { limit: '100' },
        })
      ).items.find((listed) => listed.id === purchase.id)?.status;
    expect(await purchaseStatus()).toBe('active');

    // Two cases for the last chair: the second refund would return more than was bought.
    const first = await create(returnBody(purchase, { items: [{ line: 1 }, { line: 2, quantity: 1 }] }));
    const twin = await create(returnBody(purchase, { items: [{ line: 2, quantity: 1 }] }));
    const firstReceived = await stepOk(first, { step: 'receive_goods', outcome: 'refund' });
    const twinReceived = await stepOk(twin, { step: 'receive_goods', outcome: 'refund' });
    // Above the default threshold (¥1,000): a supervisor approves first.
    const approved = await stepOk(
      firstReceived,
      { step: 'approve_refund', amount: 519_900 },
      desk.as.supervisor,
    );
    await stepOk(approved, { step: 'refund', amount: 519_900, method: 'card', reference: 'POS-1' });
    expect(await purchaseStatus()).toBe('returned');
    expect(
      (await revisitsOf()).filter((revisit) => revisit.status === 'scheduled' || revisit.status === 'due'),
    ).toEqual([]);
    const over = await step(twinReceived, {
      step: 'refund',
      amount: 60_000,
      method: 'card',
      reference: 'POS-2',
    });
    expect([over.status, problem(over).code]).toEqual([409, 'over_returned']);

    const after = await invoke<EligibilityDecision>('checkReturnEligibility', {
      caller: desk.as.desk,
      body: returnBody(purchase),
    });
    expect(after.body.refusals.map((refusal) => refusal.code)).toContain('purchase_closed');
  });

  it('listReturns: the register of a store, by status and creation time', async () => {
    const purchase = await buy(2);
    const start = new Date().toISOString();
    const one = await create(returnBody(purchase));
    const two = await create(returnBody(purchase, { kind: 'exchange' }));
    await stepOk(two, { step: 'receive_goods', outcome: 'exchange' });
    const list = (query: Record<string, string>) =>
      succeeded<Page<ReturnCase>>('listReturns', {
        caller: desk.as.desk,
        query: { storeId: desk.store.id, ...query },
      });
    const recent = await list({ from: start });
    expect(recent.items.map((item) => item.id)).toEqual([two.id, one.id]);
    const received = await list({ status: 'goods_received', from: start });
    expect(received.items.map((item) => item.id)).toEqual([two.id]);
    expect((await list({ to: '2001-01-01T00:00:00Z' })).items).toEqual([]);
    const backwards = await invoke('listReturns', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id, from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' },
    });
    expect([backwards.status, badFields(backwards)]).toEqual([400, ['query.to']]);
  });
  it('recordReturnStep: a refund above the tenant threshold waits for a supervisor’s approval (approve_refund), who is not the registrar, and the case shows who approved', async () => {
    const purchase = await buy(2);
    const opened = await create(returnBody(purchase));
    const received = await stepOk(opened, { step: 'receive_goods', outcome: 'refund' });
    const refund = (returnCase: ReturnCase, amount: number) =>
      step(returnCase, { step: 'refund', amount, method: 'card', reference: `POS-${amount}` });

    const unapproved = await refund(received, 459_900);
    expect([unapproved.status, problem(unapproved).code]).toEqual([422, 'refund_needs_approval']);
    const byDesk = await step(received, { step: 'approve_refund', amount: 459_900 });
    expect([byDesk.status, problem(byDesk).code]).toEqual([403, 'refund_approval_not_allowed']);
    const tooMuch = await step(received, { step: 'approve_refund', amount: 459_901 }, desk.as.supervisor);
    expect([tooMuch.status, badFields(tooMuch)]).toEqual([400, ['body.amount']]);

    const approved = await stepOk(received, { step: 'approve_refund', amount: 400_000 }, desk.as.supervisor);
    expect(approved).toMatchObject({
      status: 'goods_received',
      refundApproval: { by: desk.as.supervisor.userId, amount: 400_000, aboveFen: 100_000 },
    });
    expect(approved.decision.trace.at(-1)).toMatchObject({
      rule: 'refund_approval',
      inputs: { by: desk.as.supervisor.userId, amount: 400_000, aboveFen: 100_000 },
    });
    const aboveApproved = await refund(approved, 400_001);
    expect([aboveApproved.status, problem(aboveApproved).code]).toEqual([422, 'refund_needs_approval']);
    const paid = await stepOk(approved, {
      step: 'refund',
      amount: 400_000,
      method: 'card',
      reference: 'POS-A',
    });
    expect(paid).toMatchObject({
      status: 'done',
      refund: { amount: 400_000, by: desk.as.desk.userId, approvedBy: desk.as.supervisor.userId },
    });
    const steps = (await timeline(opened.ticketId)).flatMap((event) =>
      event.kind === 'case_step' ? [`${event.step}→${event.to}`] : [],
    );
    expect(steps).toEqual([
      'decided→decided',
      'receive_goods→goods_received',
      'approve_refund→goods_received',
      'refund→done',
    ]);

    // The registrar never approves their own case; the threshold is the tenant's to set.
    const ticket = await openTicket(purchase.id);
    const bySupervisor = await invoke<ReturnCase>('createReturn', {
      caller: desk.as.supervisor,
      body: { ...returnBody(purchase, { items: [{ line: 2, quantity: 2 }] }), ticketId: ticket.id },
    });
    expect(bySupervisor.status).toBe(201);
    const own = await stepOk(bySupervisor.body, { step: 'receive_goods', outcome: 'refund' });
    const self = await step(own, { step: 'approve_refund', amount: 120_000 }, desk.as.supervisor);
    expect([self.status, problem(self).code]).toEqual([422, 'refund_self_approval']);
    const policy = await succeeded<AfterSalesPolicy>('getAfterSalesPolicy', { caller: desk.as.desk });
    await succeeded('putAfterSalesPolicy', {
      caller: desk.admin,
      body: { refundApproval: { aboveFen: 200_000 }, version: policy.version },
    });
    const belowThreshold = await stepOk(own, {
      step: 'refund',
      amount: 120_000,
      method: 'cash',
      reference: 'C-1',
    });
    expect(belowThreshold.refund).not.toHaveProperty('approvedBy');
  });
  it('recordReturnStep: a replacement handed over restarts its 三包 period, which the next decision reads', async () => {
    const tv = await succeeded<Purchase>('createPurchase', {
      caller: desk.as.desk,
      body: {
        customerId,
        storeId: desk.store.id,
        items: [{ name: '55寸彩电', category: 'television', amount: 399_900 }],
        purchasedOn: localDay(-400),
        deliveredOn: localDay(-400),
      },
    });
    const body = { ...returnBody(tv), kind: 'exchange', reason: 'quality_problem' };
    const outOfWarranty = await create(body);
    expect(outOfWarranty.allowedOutcomes).toEqual(['repair']);
    const granted = await stepOk(
      outOfWarranty,
      { step: 'override', outcome: 'exchange', reason: '厂家同意换新' },
      desk.as.supervisor,
    );
    const received = await stepOk(granted, { step: 'receive_goods', outcome: 'exchange' });
    await stepOk(received, { step: 'hand_over_replacement', sku: 'TV55-NEW' });

    const after = await succeeded<EligibilityDecision>('checkReturnEligibility', {
      caller: desk.as.desk,
      body: { ...body, kind: 'repair' },
    });
    expect(after).toMatchObject({ outcomes: ['repair'], repairFee: 'free' });
    expect(after.trace).toContainEqual(
      expect.objectContaining({
        rule: 'B.exchange_restart',
        result: 'applied',
        inputs: expect.objectContaining({ exchangedOn: localDay(0) }),
      }),
    );
  });

  it('createPurchase, createReturn, recordReturnStep: a bundle broken by a return without a reason re-prices the piece kept; the rest coming back gives it back, after a recount when its case was decided before', async () => {
    // A pot and pan set for ¥500, ¥100 less than the two pieces' prices added up.
    const wokItem = { name: '炒锅', category: 'kitchenware', amount: 30_000 };
    const soupPotItem = { name: '汤锅', category: 'kitchenware', amount: 20_000 };
    const potSet = (items: readonly object[]) => ({
      caller: desk.as.desk,
      body: {
        customerId,
        storeId: desk.store.id,
        items,
        purchasedOn: localDay(-2),
        bundles: [{ name: '锅具套装', lines: [1, 2], discount: 10_000 }],
      },
    });
    const badBundle = await invoke('createPurchase', potSet([wokItem]));
    expect([badBundle.status, badFields(badBundle)]).toEqual([400, ['body.bundles.0.lines.1']]);
    const purchase = await succeeded<Purchase>('createPurchase', potSet([wokItem, soupPotItem]));
    const refundAll = async (opened: ReturnCase) => {
      const received =
        opened.status === 'decided'
          ? await stepOk(opened, { step: 'receive_goods', outcome: 'refund' })
          : opened;
      const over = await step(received, {
        step: 'refund',
        amount: received.refundLimit + 1,
        method: 'cash',
        reference: 'C1',
      });
      expect([over.status, badFields(over)]).toEqual([400, ['body.amount']]);
      return stepOk(received, {
        step: 'refund',
        amount: received.refundLimit,
        method: 'cash',
        reference: 'C1',
      });
    };

    // Both pieces come back on two cases, decided before either is refunded. The soup pot alone
    // leaves the wok, which pays its 60 % share of the discount (¥60); the wok alone, ¥40.
    const pot = await create(returnBody(purchase, { items: [{ line: 2 }] }));
    const wok = await create(returnBody(purchase, { items: [{ line: 1 }] }));
    expect([pot.refundLimit, wok.refundLimit]).toEqual([20_000 - 6_000, 30_000 - 4_000]);
    expect(pot.decision.bundles).toEqual([
      expect.objectContaining({ name: '锅具套装', keptShare: 6_000, heldAfter: 6_000, charge: 6_000 }),
    ]);
    expect(pot.decision.notices?.map((notice) => notice.code)).toEqual(['bundle_discount_lost']);
    await refundAll(pot);

    // The wok's figures are stale now: its money waits for the recount, which nothing else changes.
    const wokBack = await stepOk(wok, { step: 'receive_goods', outcome: 'refund' });
    const before = await snapshot(desk.tenant);
    const stale = await step(wokBack, { step: 'refund', amount: 1, method: 'cash', reference: 'C2' });
    expect([stale.status, problem(stale).code]).toEqual([409, 'bundle_recount_needed']);
    expect(await snapshot(desk.tenant)).toEqual(before);
    const recounted = await stepOk(wokBack, { step: 'recount' });
    // Nothing is kept now: the wok's price and the ¥60 held back from the pot's refund.
    expect(recounted.refundLimit).toBe(30_000 + 6_000);
    expect(recounted.decision.notices?.map((notice) => notice.code)).toEqual(['bundle_discount_back']);
    const done = await refundAll(recounted);
    expect(pot.refundLimit + (done.refund?.amount ?? 0)).toBe(purchase.totalAmount);
    const steps = (await timeline(wok.ticketId)).flatMap((event) =>
      event.kind === 'case_step' && event.caseId === wok.id ? [event.step] : [],
    );
    expect(steps).toEqual(['decided', 'receive_goods', 'recount', 'refund']);
    const purchases = await succeeded<Page<Purchase>>('listCustomerPurchases', {
      caller: desk.as.desk,
      params: { customerId },
      query: { limit: '100' },
    });
    expect(purchases.items.find((listed) => listed.id === purchase.id)).toMatchObject({
      status: 'returned',
      bundles: [{ name: '锅具套装', lines: [1, 2], discount: 10_000 }],
    });
  });

  describe('the refund within 7 days of getting the goods back (暂行办法 art. 12)', () => {
    let timers: TimerRuntime;
    beforeAll(async () => {
      timers = await startTimerRuntime({
        repoRoot: new URL('../..', import.meta.url).pathname,
        intervals: false,
      });
    }, 60_000);
    afterAll(() => timers.stop());
    afterEach(() => setClockOffset(0));
    const setClock = (at: string) => setClockOffset(Date.parse(at) - Date.now());

    const overdueNotices = async (caller: typeof desk.admin, returnId: string) =>
      (
        await succeeded<Page<Notification>>('listNotifications', { caller, query: { limit: '100' } })
      ).items.filter((entry) => entry.kind === 'refund_overdue' && entry.returnId === returnId);

    it('recordReturnStep, fireRefundDueTimer: no refund 7 days after the goods came back → the owner and the store’s supervisors are told once, and the case shows it overdue', async () => {
      const purchase = await buy(2);
      const opened = await create(returnBody(purchase, { items: [{ line: 2, quantity: 1 }] }));
      const received = await stepOk(opened, { step: 'receive_goods', outcome: 'refund' });
      const dueAt = received.refundDueAt ?? '';
      // Late from the start of the 8th Shanghai day after the receipt day (the store's zone, UTC+8).
      const receiptDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
        new Date(received.updatedAt),
      );
      const receiptDay = Date.parse(`${receiptDate}T00:00:00+08:00`);
      expect(Date.parse(dueAt)).toBe(receiptDay + 8 * 86_400_000);
      expect(await findTimer(returnTimerKey(desk.tenant, received.id))).toMatchObject({
        kind: 'refund_due',
        queue: 'escalation',
        dueAt,
        generation: received.version,
      });

      // Due: the sweep claims the timer and its message is delivered three times.
      setClock(new Date(Date.parse(dueAt) + 60_000).toISOString());
      await timers.sweep();
      const mine = timers.queues.peek('escalation').filter((body) => body.includes(received.id));
      expect(mine).toHaveLength(1);
      timers.queues.sendRaw('escalation', mine[0] ?? '');
      timers.queues.sendRaw('escalation', mine[0] ?? '');
      // One drain, not settle: the file's other timers (SLA clocks, revisits) come due too, and one
      // round of them is all this needs.
      await timers.queues.drain();

      const chased = await succeeded<ReturnCase>('getReturn', {
        caller: desk.as.desk,
        params: { returnId: received.id },
      });
      const ticket = await succeeded<Ticket>('getTicket', {
        caller: desk.as.desk,
        params: { ticketId: received.ticketId },
      });
      const owner = ticket.assigneeId ?? desk.staff.desk.id;
      expect(chased).toMatchObject({ status: 'goods_received', version: received.version + 1 });
      expect(chased.refundOverdue?.notified.sort()).toEqual([owner, desk.staff.supervisor.id].sort());
      expect(await findTimer(returnTimerKey(desk.tenant, received.id))).toBeUndefined();
      const supervisorNotices = await overdueNotices(desk.as.supervisor, received.id);
      expect(supervisorNotices).toHaveLength(1);
      expect(supervisorNotices[0]).toMatchObject({ ticketId: received.ticketId, dueAt, refundLimit: 60_000 });
      expect(await overdueNotices(desk.as.manager, received.id)).toEqual([]);
      const steps = (await timeline(received.ticketId)).flatMap((event) =>
        event.kind === 'case_step' ? [event.step] : [],
      );
      expect(steps).toEqual(['decided', 'receive_goods', 'refund_overdue']);

      // Paid late: still recorded, and nothing more comes.
      const paid = await stepOk(chased, {
        step: 'refund',
        amount: 60_000,
        method: 'cash',
        reference: 'LATE-1',
      });
      expect(paid.status).toBe('done');
      expect(await findTimer(returnTimerKey(desk.tenant, received.id))).toBeUndefined();
      // The same message delivered again after the refund changes nothing.
      timers.queues.sendRaw('escalation', mine[0] ?? '');
      await timers.queues.drain();
      expect(
        await succeeded<ReturnCase>('getReturn', { caller: desk.as.desk, params: { returnId: received.id } }),
      ).toEqual(paid);
      expect(await overdueNotices(desk.as.supervisor, received.id)).toHaveLength(1);
    });

    it('recordReturnStep: refunded within the 7 days → the timer is dropped with the refund and no notice ever comes', async () => {
      const purchase = await buy(2);
      const opened = await create(returnBody(purchase, { items: [{ line: 2, quantity: 1 }] }));
      const received = await stepOk(opened, { step: 'receive_goods', outcome: 'refund' });
      expect(await findTimer(returnTimerKey(desk.tenant, received.id))).toBeDefined();
      const paid = await stepOk(received, {
        step: 'refund',
        amount: 60_000,
        method: 'card',
        reference: 'POS-7',
      });
      expect(await findTimer(returnTimerKey(desk.tenant, received.id))).toBeUndefined();

      setClock(new Date(Date.parse(received.refundDueAt ?? '') + 60_000).toISOString());
      // Past its due time the sweep finds nothing of this case to send (the drain is left out: it
      // would only run the file's other timers).
      await timers.sweep();
      expect(timers.queues.peek('escalation').filter((body) => body.includes(received.id))).toEqual([]);
      expect(await overdueNotices(desk.as.supervisor, received.id)).toEqual([]);
      expect(
        await succeeded<ReturnCase>('getReturn', { caller: desk.as.desk, params: { returnId: received.id } }),
      ).toEqual(paid);
    });
  });
});
