import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTimerRuntime, type TimerRuntime } from '../../infra/local/timer-runtime';
import type { EligibilityDecision } from '../../shared/after-sales/eligibility';
import type { Purchase } from '../../shared/customers/views';
import type { Page } from '../../shared/db/cursor';
import type { Notification } from '../../shared/notifications/views';
import type { RepairCase, RepairPriceList } from '../../shared/repairs/views';
import type { Ticket, TimelineEvent } from '../../shared/tickets/views';
import { setClockOffset } from '../../shared/time/clock';
import { weekdaysNineToSix } from '../kit/bodies';
import { type DeskFixture, deskFixture, succeeded } from '../kit/fixtures';
import { badFields, invoke, problem } from '../kit/invoke';
import { itemsOfTenant } from '../kit/table';

/** The store's local date `days` from today (Asia/Shanghai, the fixture stores' zone). */
const localDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/** The shop's 维修价目表: labour and parts in fen, 50 yuan inspection fee on a declined quote. */
const priceListBody = {
  items: [
    { code: 'LAB-MB', name: '主板维修工时', kind: 'labour', amount: 15_000 },
    { code: 'PART-MB', name: '主板', kind: 'part', amount: 30_000 },
    { code: 'PART-SCREEN', name: '屏幕总成', kind: 'part', amount: 80_000 },
    { code: 'LAB-VISIT', name: '上门服务费', kind: 'labour', amount: 8_000 },
    { code: 'PART-FAN', name: '散热风扇', kind: 'part', amount: 12_000 },
    { code: 'PART-ADAPTER', name: '65W 电源适配器', kind: 'part', amount: 29_900 },
  ],
  inspectionFee: 5_000,
};

const repoRoot = new URL('../..', import.meta.url).pathname;
const setClock = (at: string) => setClockOffset(Date.parse(at) - Date.now());

const snapshot = async (tenant: string) =>
  (await itemsOfTenant(tenant)).map((item) => JSON.stringify(item)).sort();

describe('repairs: on site, mail-in and parts, on repair tickets', () => {
  let desk: DeskFixture;
  let other: DeskFixture;
  let customerId: string;
  let timers: TimerRuntime;

  /** A laptop (computer, 三包 12 months) bought `daysAgo` days ago. */
  const buy = async (daysAgo: number) =>
    succeeded<Purchase>('createPurchase', {
      caller: desk.as.desk,
      body: {
        customerId,
        storeId: desk.store.id,
        items: [{ name: '笔记本电脑', category: 'computer', amount: 699_900 }],
        purchasedOn: localDay(-daysAgo),
        deliveredOn: localDay(-daysAgo),
      },
    });

  /** A repair ticket about the purchase; `started`: assigned to the technician and in progress. */
  const openTicket = async (purchaseId: string, started = false, type = 'repair') => {
    const ticket = await succeeded<Ticket>('createTicket', {
      caller: desk.as.desk,
      body: { storeId: desk.store.id, type, channel: 'phone', subject: '维修', customerId, purchaseId },
    });
    if (!started) return ticket;
    await succeeded('assignTicket', {
      caller: desk.as.supervisor,
      params: { ticketId: ticket.id },
      body: { assigneeId: desk.staff.tech.id },
    });
    return succeeded<Ticket>('transitionTicket', {
      caller: desk.as.tech,
      params: { ticketId: ticket.id },
      body: { to: 'in_progress' },
    });
  };

  const create = async (
    purchase: Purchase,
    extra: Record<string, unknown> = {},
    options: { started?: boolean; headers?: Record<string, string> } = {},
  ) => {
    const ticketId =
      (extra.ticketId as string | undefined) ?? (await openTicket(purchase.id, options.started)).id;
    const result = await invoke<RepairCase>('createRepair', {
      caller: desk.as.desk,
      body: {
        customerId,
        purchaseId: purchase.id,
        line: 1,
        mode: 'mail_in',
        problem: '无法开机',
        ...extra,
        ticketId,
      },
      ...(options.headers ? { headers: options.headers } : {}),
    });
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    return result.body;
  };

  const step = (repair: RepairCase, body: Record<string, unknown>, caller = desk.as.tech) =>
    invoke<RepairCase>('recordRepairStep', {
      caller,
      params: { repairId: repair.id },
      body: { version: repair.version, ...body },
    });

  const stepOk = async (repair: RepairCase, body: Record<string, unknown>, caller = desk.as.tech) => {
    const result = await step(repair, body, caller);
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

  const caseSteps = async (ticketId: string) =>
    (await timeline(ticketId)).flatMap((event) =>
      event.kind === 'case_step' && event.caseKind === 'repair' ? [`${event.step}→${event.to}`] : [],
    );

  const getTicket = (ticketId: string) =>
    succeeded<Ticket>('getTicket', { caller: desk.as.desk, params: { ticketId } });

  /** What the return rules see of the line's repairs: the decision's repair_history trace entry. */
  const recordedRepairs = async (purchase: Purchase) => {
    const decision = await succeeded<EligibilityDecision>('checkReturnEligibility', {
      caller: desk.as.desk,
      body: {
        customerId,
        purchaseId: purchase.id,
        kind: 'exchange',
        reason: 'quality_problem',
        items: [{ line: 1 }],
      },
    });
    return decision.trace.find((entry) => entry.rule === 'repair_history')?.inputs;
  };

  beforeAll(async () => {
    [desk, other] = await Promise.all([deskFixture('repairs'), deskFixture('repairs-other')]);
    customerId = (
      await succeeded<{ id: string }>('createCustomer', {
        caller: desk.as.desk,
        body: { phone: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, name: '周女士' },
      })
    ).id;
    await succeeded('putRepairPriceList', { caller: desk.admin, body: priceListBody });
    timers = await startTimerRuntime({ repoRoot, intervals: false });
  }, 120_000);
  afterAll(() => timers?.stop());
  afterEach(() => setClockOffset(0));

  it('putRepairPriceList: versioned like other settings; bad input names every field and writes nothing; getRepairPriceList reads it', async () => {
    const read = await succeeded<RepairPriceList>('getRepairPriceList', { caller: desk.as.tech });
    expect(read).toMatchObject({ ...priceListBody, version: 1 });
    const fresh = await succeeded<RepairPriceList>('getRepairPriceList', { caller: other.as.desk });
    expect(fresh).toEqual({ items: [], inspectionFee: 0, currency: 'CNY', version: 0 });
    const before = await snapshot(desk.tenant);
    const bad = await invoke('putRepairPriceList', {
      caller: desk.admin,
      body: {
        items: [
          { code: 'A', name: 'x', kind: 'labour', amount: -1 },
          { code: 'bad code', name: '', kind: 'tip', amount: 1.5 },
        ],
        inspectionFee: -5,
        version: 1,
      },
    });
    expect(bad.status).toBe(400);
    expect(badFields(bad).sort()).toEqual([
      'body.inspectionFee',
      'body.items.0.amount',
      'body.items.1.amount',
      'body.items.1.code',
      'body.items.1.kind',
      'body.items.1.name',
    ]);
    const twice = await invoke('putRepairPriceList', {
      caller: desk.admin,
      body: { items: [priceListBody.items[0], priceListBody.items[0]], version: 1 },
    });
    expect([twice.status, badFields(twice)]).toEqual([400, ['body.items']]);
    const stale = await invoke('putRepairPriceList', {
      caller: desk.admin,
      body: { ...priceListBody, inspectionFee: 0 },
    });
    expect([stale.status, problem(stale).code]).toEqual([409, 'version_conflict']);
    const byManager = await invoke('putRepairPriceList', {
      caller: desk.as.manager,
      body: { ...priceListBody, version: 1 },
    });
    expect(byManager.status).toBe(403);
    expect(await snapshot(desk.tenant)).toEqual(before);
  });

  it('createRepair: records the case on its repair ticket with the warranty from the purchase, once per Idempotency-Key', async () => {
    const purchase = await buy(30);
    const ticket = await openTicket(purchase.id);
    const key = `repair-${purchase.id}`;
    const first = await create(purchase, { ticketId: ticket.id }, { headers: { 'idempotency-key': key } });
    const retry = await create(purchase, { ticketId: ticket.id }, { headers: { 'idempotency-key': key } });
    expect(retry).toEqual(first);
    expect(first).toMatchObject({
      status: 'awaiting_parcel',
      mode: 'mail_in',
      charge: 'free',
      itemName: '笔记本电脑',
      warranty: { inWarranty: true, ruleClass: 'computer', months: 12, invoiceDate: localDay(-30) },
      stall: { stage: 'parcel' },
      version: 1,
    });
    expect(await caseSteps(ticket.id)).toEqual(['registered→awaiting_parcel']);
    expect(await succeeded('getRepair', { caller: desk.as.tech, params: { repairId: first.id } })).toEqual(
      first,
    );
    const listed = await succeeded<Page<RepairCase>>('listRepairs', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id, status: 'awaiting_parcel', limit: '100' },
    });
    expect(listed.items.filter((repair) => repair.ticketId === ticket.id).map((repair) => repair.id)).toEqual(
      [first.id],
    );

    // Another tenant sees nothing of it.
    const theirs = await invoke('getRepair', { caller: other.as.supervisor, params: { repairId: first.id } });
    expect([theirs.status, problem(theirs).code]).toEqual([404, 'repair_not_found']);
    const theirStep = await step(
      first,
      { step: 'receive_parcel', trackingNumber: 'SF1' },
      other.as.supervisor,
    );
    expect(theirStep.status).toBe(404);
  });

  it('createRepair: bad input names every field and writes nothing; only on a repair ticket, by the desk', async () => {
    const purchase = await buy(30);
    const ticket = await openTicket(purchase.id);
    const before = await snapshot(desk.tenant);
    const bad = await invoke('createRepair', {
      caller: desk.as.desk,
      body: {
        ticketId: ticket.id,
        customerId,
        purchaseId: purchase.id,
        line: 0,
        mode: 'on_site',
        problem: '',
      },
    });
    expect(bad.status).toBe(400);
    expect(badFields(bad).sort()).toEqual(['body.appointment', 'body.line', 'body.problem']);
    const noLine = await invoke('createRepair', {
      caller: desk.as.desk,
      body: {
        ticketId: ticket.id,
        customerId,
        purchaseId: purchase.id,
        line: 2,
        mode: 'mail_in',
        problem: 'x',
      },
    });
    expect([noLine.status, badFields(noLine)]).toEqual([400, ['body.line']]);
    const complaint = await openTicket(purchase.id, false, 'complaint');
    const snapshotAfterTicket = await snapshot(desk.tenant);
    const wrongType = await invoke('createRepair', {
      caller: desk.as.desk,
      body: {
        ticketId: complaint.id,
        customerId,
        purchaseId: purchase.id,
        line: 1,
        mode: 'mail_in',
        problem: 'x',
      },
    });
    expect([wrongType.status, problem(wrongType).code]).toEqual([422, 'ticket_not_repair']);
    const byTech = await invoke('createRepair', {
      caller: desk.as.tech,
      body: {
        ticketId: ticket.id,
        customerId,
        purchaseId: purchase.id,
        line: 1,
        mode: 'mail_in',
        problem: 'x',
      },
    });
    expect(byTech.status).toBe(403);
    const notATechnician = await invoke('createRepair', {
      caller: desk.as.desk,
      body: {
        ticketId: ticket.id,
        customerId,
        purchaseId: purchase.id,
        line: 1,
        mode: 'on_site',
        problem: 'x',
        appointment: { from: '2026-12-01T09:00:00+08:00', to: '2026-12-01T12:00:00+08:00' },
        technicianId: desk.staff.desk.id,
      },
    });
    expect([notATechnician.status, badFields(notATechnician)]).toEqual([422, ['body.technicianId']]);
    // No technician named and none dispatched: the ticket is not assigned yet.
    const noTechnician = await invoke('createRepair', {
      caller: desk.as.desk,
      body: {
        ticketId: ticket.id,
        customerId,
        purchaseId: purchase.id,
        line: 1,
        mode: 'on_site',
        problem: 'x',
        appointment: { from: '2026-12-01T09:00:00+08:00', to: '2026-12-01T12:00:00+08:00' },
      },
    });
    expect([noTechnician.status, badFields(noTechnician)]).toEqual([422, ['body.technicianId']]);
    expect((await snapshot(desk.tenant)).filter((item) => !before.includes(item))).toEqual(
      snapshotAfterTicket.filter((item) => !before.includes(item)),
    );
  });

  it('recordRepairStep: mail-in out of warranty through quote, payment and shipping back; roles, stages and versions enforced; the ticket resolves and the item’s history grows', async () => {
    const purchase = await buy(400);
    const opened = await create(purchase, {}, { started: true });
    expect(opened).toMatchObject({ charge: 'paid', warranty: { inWarranty: false } });

    const mainboard = [
      { code: 'LAB-MB', quantity: 1 },
      { code: 'PART-MB', quantity: 1 },
    ];
    const early = await step(opened, { step: 'quote', lines: mainboard });
    expect([early.status, problem(early).code]).toEqual([409, 'repair_stage_not_allowed']);
    const received = await stepOk(opened, { step: 'receive_parcel', trackingNumber: 'SF100' }, desk.as.desk);
    expect(received).toMatchObject({ status: 'received', parcelIn: { trackingNumber: 'SF100' } });
    expect(received.stall).toBeUndefined();
    const stale = await step(opened, { step: 'receive_parcel', trackingNumber: 'SF100' });
    expect([stale.status, problem(stale).code]).toEqual([409, 'version_conflict']);

    const deskInspects = await step(received, { step: 'inspect', findings: '主板短路' }, desk.as.desk);
    expect([deskInspects.status, problem(deskInspects).code]).toEqual([403, 'repair_step_not_allowed']);
    const inspected = await stepOk(received, { step: 'inspect', findings: '主板短路' });
    expect(inspected.status).toBe('inspected');
    const notListed = await step(inspected, { step: 'quote', lines: [{ code: 'PART-GPU', quantity: 1 }] });
    expect([notListed.status, badFields(notListed)]).toEqual([400, ['body.lines.0.code']]);
    const quoted = await stepOk(inspected, { step: 'quote', lines: mainboard, description: '更换主板' });
    expect(quoted).toMatchObject({
      status: 'quoted',
      quote: {
        lines: [
          { code: 'LAB-MB', name: '主板维修工时', unitAmount: 15_000, quantity: 1, amount: 15_000 },
          { code: 'PART-MB', name: '主板', unitAmount: 30_000, quantity: 1, amount: 30_000 },
        ],
        total: 45_000,
        free: false,
        priceListVersion: 1,
      },
      stall: { stage: 'quote' },
    });
    expect(quoted.chargeBasis).toContain('按价目表收费');
    const short = await step(
      quoted,
      { step: 'accept', payment: { amount: 40_000, method: 'cash', reference: 'R' } },
      desk.as.desk,
    );
    expect([short.status, badFields(short)]).toEqual([400, ['body.payment.amount']]);
    const accepted = await stepOk(
      quoted,
      { step: 'accept', payment: { amount: 45_000, method: 'wechat_pay', reference: 'WX-REPAIR-1' } },
      desk.as.desk,
    );
    expect(accepted).toMatchObject({
      status: 'repairing',
      payment: { amount: 45_000, method: 'wechat_pay', reference: 'WX-REPAIR-1' },
    });
    expect(accepted.stall).toBeUndefined();
    const shipped = await stepOk(
      accepted,
      { step: 'ship', trackingNumber: 'SF200', carrier: '顺丰' },
      desk.as.desk,
    );
    const delivered = await stepOk(shipped, { step: 'deliver' }, desk.as.desk);
    expect(delivered).toMatchObject({ status: 'delivered', countsAsRepair: true, daysInRepair: 0 });
    expect(delivered.finishedAt).toBeDefined();
    const done = await stepOk(delivered, { step: 'guide', guidance: '已电话指导开机与驱动安装' });
    expect(done.status).toBe('done');

    expect(await caseSteps(opened.ticketId)).toEqual([
      'registered→awaiting_parcel',
      'receive_parcel→received',
      'inspect→inspected',
      'quote→quoted',
      'accept→repairing',
      'ship→shipped',
      'deliver→delivered',
      'guide→done',
    ]);
    const ticket = await getTicket(opened.ticketId);
    expect(ticket.status).toBe('resolved');
    expect(ticket.resolution).toContain(opened.id);
    expect(await recordedRepairs(purchase)).toEqual({ repairs: 1, daysInRepair: 0 });
  });

  it('recordRepairStep: a declined quote records the reason and the inspection fee, goes back unrepaired, shows on the timeline and adds nothing to the history; in warranty nothing is quoted, and the case says why', async () => {
    const purchase = await buy(400);
    let repair = await create(purchase, {}, { started: true });
    repair = await stepOk(repair, { step: 'receive_parcel', trackingNumber: 'SF300' });
    repair = await stepOk(repair, { step: 'inspect', findings: '屏幕排线损坏' });
    repair = await stepOk(repair, { step: 'quote', lines: [{ code: 'PART-SCREEN', quantity: 1 }] });
    expect(repair.quote?.total).toBe(80_000);
    const noReason = await step(repair, { step: 'decline' }, desk.as.desk);
    expect([noReason.status, badFields(noReason)]).toEqual([400, ['body.reason']]);
    const unpaid = await step(repair, { step: 'decline', reason: '太贵' }, desk.as.desk);
    expect([unpaid.status, badFields(unpaid)]).toEqual([400, ['body.payment']]);
    repair = await stepOk(
      repair,
      {
        step: 'decline',
        reason: '太贵',
        payment: { amount: 5_000, method: 'wechat_pay', reference: 'WX-FEE-1' },
      },
      desk.as.desk,
    );
    expect(repair).toMatchObject({
      status: 'declined',
      declined: {
        reason: '太贵',
        inspectionFee: 5_000,
        priceListVersion: 1,
        payment: { reference: 'WX-FEE-1' },
      },
    });
    expect(repair.stall).toBeUndefined();
    const accept = await step(
      repair,
      { step: 'accept', payment: { amount: 80_000, method: 'cash', reference: 'R' } },
      desk.as.desk,
    );
    expect([accept.status, problem(accept).code]).toEqual([409, 'repair_stage_not_allowed']);
    repair = await stepOk(repair, { step: 'ship', trackingNumber: 'SF301' }, desk.as.desk);
    repair = await stepOk(repair, { step: 'deliver' }, desk.as.desk);
    expect(repair).toMatchObject({ status: 'returned_unrepaired', countsAsRepair: false });
    const guide = await step(repair, { step: 'guide', guidance: 'x' });
    expect(guide.status).toBe(409);
    expect(await caseSteps(repair.ticketId)).toEqual([
      'registered→awaiting_parcel',
      'receive_parcel→received',
      'inspect→inspected',
      'quote→quoted',
      'decline→declined',
      'ship→shipped',
      'deliver→returned_unrepaired',
    ]);
    const declineEvent = (await timeline(repair.ticketId)).find(
      (event) => event.kind === 'case_step' && event.step === 'decline',
    );
    expect(declineEvent?.kind === 'case_step' ? declineEvent.note : '').toContain('太贵');
    expect(declineEvent?.kind === 'case_step' ? declineEvent.note : '').toContain('CNY 50.00');
    expect(await recordedRepairs(purchase)).toBeUndefined();
    const ticket = await getTicket(repair.ticketId);
    expect([ticket.status, ticket.resolution]).toEqual(['resolved', expect.stringContaining('unrepaired')]);

    const inWarranty = await buy(30);
    let free = await create(inWarranty);
    expect(free.chargeBasis).toContain('保修期内免费维修');
    free = await stepOk(free, { step: 'receive_parcel', trackingNumber: 'SF400' });
    free = await stepOk(free, { step: 'inspect', findings: '电池鼓包' });
    expect(free).toMatchObject({ status: 'repairing', charge: 'free' });
    const quote = await step(free, { step: 'quote', lines: [{ code: 'LAB-MB', quantity: 1 }] });
    expect([quote.status, problem(quote).detail]).toEqual([
      409,
      expect.stringContaining('in warranty until'),
    ]);
    free = await stepOk(free, { step: 'ship', trackingNumber: 'SF401' });
    free = await stepOk(free, { step: 'deliver' });
    expect(await recordedRepairs(inWarranty)).toEqual({ repairs: 1, daysInRepair: 0 });
    // Work on this ticket never started: the case finished, the ticket stays as it was.
    expect((await getTicket(free.ticketId)).status).toBe('new');
  });

  it('recordRepairStep: a declined parts quote ends the case and resolves its ticket, with no fee', async () => {
    const purchase = await buy(30);
    let parts = await create(purchase, { mode: 'parts', problem: '原装电源适配器一个' }, { started: true });
    parts = await stepOk(parts, { step: 'quote', lines: [{ code: 'PART-ADAPTER', quantity: 1 }] });
    const withFee = await step(
      parts,
      { step: 'decline', reason: '网上买更便宜', payment: { amount: 5_000, method: 'cash', reference: 'R' } },
      desk.as.desk,
    );
    expect([withFee.status, badFields(withFee)]).toEqual([400, ['body.payment']]);
    parts = await stepOk(parts, { step: 'decline', reason: '网上买更便宜' }, desk.as.desk);
    expect(parts).toMatchObject({
      status: 'declined',
      declined: { inspectionFee: 0 },
      countsAsRepair: false,
    });
    expect(parts.finishedAt).toBeDefined();
    const ship = await step(parts, { step: 'ship', trackingNumber: 'SF9' }, desk.as.desk);
    expect(ship.status).toBe(409);
    expect(await caseSteps(parts.ticketId)).toEqual([
      'registered→requested',
      'quote→quoted',
      'decline→declined',
    ]);
    expect((await getTicket(parts.ticketId)).status).toBe('resolved');
  });

  it('recordRepairStep: on site, free in warranty and with a fee outside it; parts quoted, paid, shipped and delivered', async () => {
    const appointment = { from: '2026-12-01T09:00:00+08:00', to: '2026-12-01T12:00:00+08:00' };
    const purchase = await buy(30);
    const visit = {
      step: 'visit',
      findings: '风扇积灰',
      lines: [{ code: 'LAB-VISIT', quantity: 1 }],
      labourMinutes: 40,
    };
    // The ticket was dispatched to the technician: the visit is theirs without naming them.
    const onSite = await create(
      purchase,
      { mode: 'on_site', appointment },
      {
        started: true,
      },
    );
    expect(onSite).toMatchObject({ status: 'scheduled', charge: 'free', technicianId: desk.staff.tech.id });
    const deskVisit = await step(onSite, visit, desk.as.desk);
    expect(deskVisit.status).toBe(403);
    const charged = await step(onSite, {
      ...visit,
      payment: { amount: 8_000, method: 'cash', reference: 'R1' },
    });
    expect([charged.status, badFields(charged)]).toEqual([400, ['body.payment']]);
    const visited = await stepOk(onSite, visit);
    expect(visited).toMatchObject({
      status: 'done',
      countsAsRepair: true,
      visit: { labourMinutes: 40, charges: { listTotal: 8_000, total: 0, free: true } },
    });
    expect(visited.visit?.charges.basis).toContain('保修期内免费维修');
    expect((await getTicket(onSite.ticketId)).status).toBe('resolved');

    const old = await buy(400);
    const paidVisit = await create(old, { mode: 'on_site', appointment, technicianId: desk.staff.tech.id });
    const noFee = await step(paidVisit, visit);
    expect([noFee.status, badFields(noFee)]).toEqual([400, ['body.payment']]);
    const withFee = await stepOk(paidVisit, {
      ...visit,
      lines: [...visit.lines, { code: 'PART-FAN', quantity: 1 }],
      payment: { amount: 20_000, method: 'alipay', reference: 'ALI-1' },
    });
    expect(withFee).toMatchObject({
      status: 'done',
      charge: 'paid',
      visit: { charges: { total: 20_000, free: false }, payment: { amount: 20_000 } },
    });

    let parts = await create(purchase, { mode: 'parts', problem: '原装电源适配器一个' });
    expect(parts).toMatchObject({ status: 'requested', charge: 'paid' });
    parts = await stepOk(parts, { step: 'quote', lines: [{ code: 'PART-ADAPTER', quantity: 1 }] });
    expect(parts.quote?.total).toBe(29_900);
    parts = await stepOk(
      parts,
      { step: 'accept', payment: { amount: 29_900, method: 'card', reference: 'POS-9' } },
      desk.as.desk,
    );
    expect(parts.status).toBe('paid');
    parts = await stepOk(parts, { step: 'ship', trackingNumber: 'SF500' }, desk.as.desk);
    parts = await stepOk(parts, { step: 'deliver' }, desk.as.desk);
    expect(parts).toMatchObject({ status: 'delivered', countsAsRepair: false });
    expect(await caseSteps(parts.ticketId)).toEqual([
      'registered→requested',
      'quote→quoted',
      'accept→paid',
      'ship→shipped',
      'deliver→delivered',
    ]);
  });

  it('createRepair: an on-site window outside the store’s business hours or on its holiday is refused naming the field, and nothing is written', async () => {
    const calendar = await invoke('putStoreCalendar', {
      caller: desk.as.manager,
      params: { storeId: desk.store.id },
      body: { weekly: weekdaysNineToSix(), holidays: ['2026-12-04'] },
    });
    expect(calendar.status, JSON.stringify(calendar.body)).toBe(200);
    const purchase = await buy(30);
    const ticket = await openTicket(purchase.id);
    const before = await snapshot(desk.tenant);
    const onSite = (from: string, to: string) =>
      invoke('createRepair', {
        caller: desk.as.desk,
        body: {
          ticketId: ticket.id,
          customerId,
          purchaseId: purchase.id,
          line: 1,
          mode: 'on_site',
          problem: '无法开机',
          appointment: { from, to },
          technicianId: desk.staff.tech.id,
        },
      });
    for (const [from, to, field] of [
      ['2026-12-01T08:00:00+08:00', '2026-12-01T10:00:00+08:00', 'body.appointment.from'],
      ['2026-12-01T17:00:00+08:00', '2026-12-01T19:00:00+08:00', 'body.appointment.to'],
      ['2026-12-04T10:00:00+08:00', '2026-12-04T11:00:00+08:00', 'body.appointment.from'],
      ['2026-12-05T10:00:00+08:00', '2026-12-05T11:00:00+08:00', 'body.appointment.from'],
    ] as const) {
      const refused = await onSite(from, to);
      expect([refused.status, problem(refused).code, badFields(refused)], from).toEqual([
        422,
        'appointment_outside_business_hours',
        [field],
      ]);
    }
    expect(await snapshot(desk.tenant)).toEqual(before);
    const booked = await onSite('2026-12-03T14:00:00+08:00', '2026-12-03T18:00:00+08:00');
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);

    // recordRepairStep reschedule (改约): the same check.
    const repair = booked.body as RepairCase;
    const beforeMoves = await snapshot(desk.tenant);
    const holiday = await step(
      repair,
      {
        step: 'reschedule',
        appointment: { from: '2026-12-04T10:00:00+08:00', to: '2026-12-04T11:00:00+08:00' },
      },
      desk.as.desk,
    );
    expect([holiday.status, problem(holiday).code, badFields(holiday)]).toEqual([
      422,
      'appointment_outside_business_hours',
      ['body.appointment.from'],
    ]);
    const window = { from: '2026-12-07T09:00:00+08:00', to: '2026-12-07T11:00:00+08:00' };
    expect(await snapshot(desk.tenant)).toEqual(beforeMoves);
    const moved = await stepOk(
      repair,
      {
        step: 'reschedule',
        appointment: window,
        reason: '客户周四不在家',
      },
      desk.as.desk,
    );
    expect(moved).toMatchObject({
      status: 'scheduled',
      appointment: window,
      technicianId: desk.staff.tech.id,
    });
    expect(await caseSteps(repair.ticketId)).toEqual(['registered→scheduled', 'reschedule→scheduled']);
  });

  it('recordRepairStep withdraw / cancel: the case ends cancelled on the timeline, a paid order is marked for refund, the ticket and the item’s history stay; a stale version is 409 and bad input writes nothing', async () => {
    const purchase = await buy(400);
    let parts = await create(purchase, { mode: 'parts', problem: '原装电源适配器一个' }, { started: true });
    parts = await stepOk(parts, { step: 'quote', lines: [{ code: 'PART-ADAPTER', quantity: 1 }] });
    parts = await stepOk(
      parts,
      { step: 'accept', payment: { amount: 29_900, method: 'card', reference: 'POS-77' } },
      desk.as.desk,
    );
    const before = await snapshot(desk.tenant);
    const stale = await step({ ...parts, version: parts.version - 1 }, { step: 'withdraw' }, desk.as.desk);
    expect([stale.status, problem(stale).code]).toEqual([409, 'version_conflict']);
    const noReason = await step(parts, { step: 'cancel' }, desk.as.desk);
    expect([noReason.status, badFields(noReason)]).toEqual([400, ['body.reason']]);
    const techCancel = await step(parts, { step: 'cancel', reason: '重复登记' }, desk.as.tech);
    expect(techCancel.status).toBe(403);
    expect(await snapshot(desk.tenant)).toEqual(before);
    const withdrawn = await stepOk(parts, { step: 'withdraw', reason: '不需要了' }, desk.as.desk);
    expect(withdrawn).toMatchObject({
      status: 'cancelled',
      cancelled: {
        initiator: 'customer',
        reason: '不需要了',
        refundDue: { amount: 29_900, currency: 'CNY', method: 'card', reference: 'POS-77' },
      },
    });
    expect(withdrawn.countsAsRepair).toBeUndefined();
    expect(await caseSteps(parts.ticketId)).toEqual([
      'registered→requested',
      'quote→quoted',
      'accept→paid',
      'withdraw→cancelled',
    ]);
    expect((await getTicket(parts.ticketId)).status).toBe('in_progress');
    const again = await step(withdrawn, { step: 'cancel', reason: 'x' }, desk.as.desk);
    expect(again.status).toBe(409);

    // A mail-in case is cancelled by staff while the parcel is awaited: its reminder goes with it.
    const mailIn = await create(purchase);
    expect(mailIn.stall?.stage).toBe('parcel');
    const cancelled = await stepOk(mailIn, { step: 'cancel', reason: '重复登记' }, desk.as.desk);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelled: { initiator: 'staff', reason: '重复登记' },
    });
    expect(cancelled.stall).toBeUndefined();
    const timersLeft = (await itemsOfTenant(desk.tenant)).filter(
      (item) => item.entity === 'timer' && item.subjectId === mailIn.id,
    );
    expect(timersLeft).toEqual([]);
    expect(await recordedRepairs(purchase)).toBeUndefined();
  });

  it('recordRepairStep decline on site: out of warranty the customer refuses the priced work; findings, reason and the fee recorded in the list’s currency, the ticket resolves, nothing repaired', async () => {
    const purchase = await buy(400);
    const appointment = { from: '2026-12-09T09:00:00+08:00', to: '2026-12-09T11:00:00+08:00' };
    const onSite = await create(purchase, { mode: 'on_site', appointment }, { started: true });
    const before = await snapshot(desk.tenant);
    const noFindings = await step(onSite, {
      step: 'decline',
      reason: '费用太高',
      payment: { amount: 5_000, method: 'cash', reference: 'R-ON-1' },
    });
    expect([noFindings.status, badFields(noFindings)]).toEqual([400, ['body.findings']]);
    const wrongCurrency = await step(onSite, {
      step: 'decline',
      reason: '费用太高',
      findings: '主板烧毁',
      payment: { amount: 5_000, currency: 'USD', method: 'cash', reference: 'R-ON-1' },
    });
    expect([wrongCurrency.status, badFields(wrongCurrency)]).toEqual([400, ['body.payment.currency']]);
    const badCode = await step(onSite, {
      step: 'decline',
      reason: '费用太高',
      findings: '主板烧毁',
      payment: { amount: 5_000, currency: 'RMB', method: 'cash', reference: 'R-ON-1' },
    });
    expect([badCode.status, badFields(badCode)]).toEqual([400, ['body.payment.currency']]);
    expect(await snapshot(desk.tenant)).toEqual(before);
    const refused = await stepOk(onSite, {
      step: 'decline',
      reason: '费用太高',
      findings: '主板烧毁',
      payment: { amount: 5_000, method: 'cash', reference: 'R-ON-1' },
    });
    expect(refused).toMatchObject({
      status: 'declined',
      countsAsRepair: false,
      declined: {
        reason: '费用太高',
        findings: '主板烧毁',
        inspectionFee: 5_000,
        currency: 'CNY',
        payment: { currency: 'CNY', reference: 'R-ON-1' },
      },
    });
    expect(refused.stall).toBeUndefined();
    expect(await caseSteps(onSite.ticketId)).toEqual(['registered→scheduled', 'decline→declined']);
    expect((await getTicket(onSite.ticketId)).status).toBe('resolved');
    expect(await recordedRepairs(purchase)).toBeUndefined();
  });

  it('fireRepairTimer visit: a visit never recorded reminds the technician and the supervisors once, 2 business hours after the window; a new window re-arms it, the visit drops it', async () => {
    const purchase = await buy(30);
    const appointment = { from: '2026-12-08T09:00:00+08:00', to: '2026-12-08T11:00:00+08:00' };
    const onSite = await create(purchase, { mode: 'on_site', appointment, technicianId: desk.staff.tech.id });
    expect(onSite.stall).toEqual({
      stage: 'visit',
      dueAt: new Date('2026-12-08T13:00:00+08:00').toISOString(),
    });
    const reminders = async (caller: typeof desk.as.tech) =>
      (
        await succeeded<Page<Notification>>('listNotifications', { caller, query: { limit: '100' } })
      ).items.filter((entry) => entry.kind === 'repair_stalled' && entry.repairId === onSite.id);
    const fire = async (at: string) => {
      setClock(at);
      await timers.sweep();
      const mine = timers.queues.peek('revisit').filter((body) => body.includes(onSite.id));
      // A duplicate delivery changes nothing.
      for (const body of mine) timers.queues.sendRaw('revisit', body);
      await timers.queues.drain();
      return mine.length;
    };
    // The sweeper sends what falls due within 15 minutes with a delay: half an hour before, nothing.
    expect(await fire('2026-12-08T12:30:00+08:00')).toBe(0);
    expect(await fire('2026-12-08T13:01:00+08:00')).toBe(1);
    for (const caller of [desk.as.tech, desk.as.supervisor, desk.as.manager]) {
      expect(
        (await reminders(caller)).map((entry) => entry.kind === 'repair_stalled' && entry.stage),
      ).toEqual(['visit']);
    }
    expect(await reminders(desk.as.desk)).toEqual([]);
    let repair = (
      await invoke<RepairCase>('getRepair', { caller: desk.as.desk, params: { repairId: onSite.id } })
    ).body;
    expect(repair.history.filter((entry) => entry.step === 'stalled_visit')).toHaveLength(1);
    expect(await caseSteps(onSite.ticketId)).toEqual(['registered→scheduled', 'stalled_visit→scheduled']);

    const window = { from: '2026-12-10T14:00:00+08:00', to: '2026-12-10T15:00:00+08:00' };
    repair = await stepOk(repair, { step: 'reschedule', appointment: window }, desk.as.desk);
    expect(repair.stall).toEqual({
      stage: 'visit',
      dueAt: new Date('2026-12-10T17:00:00+08:00').toISOString(),
    });
    repair = await stepOk(repair, {
      step: 'visit',
      findings: '内存松动',
      lines: [{ code: 'LAB-VISIT', quantity: 1 }],
      labourMinutes: 20,
    });
    expect(repair.stall).toBeUndefined();
    expect(await fire('2026-12-11T09:00:00+08:00')).toBe(0);
    expect(await reminders(desk.as.tech)).toHaveLength(1);
  });

  it('recordRepairStep refund: a withdrawn paid parts order records its refund paid back with a timeline event, for exactly what was due, even on a cancelled ticket; a stale version or a second refund is 409 and writes nothing', async () => {
    const purchase = await buy(400);
    let parts = await create(purchase, { mode: 'parts', problem: '原装电源适配器一个' });
    parts = await stepOk(parts, { step: 'quote', lines: [{ code: 'PART-ADAPTER', quantity: 1 }] });
    parts = await stepOk(
      parts,
      { step: 'accept', payment: { amount: 29_900, method: 'card', reference: 'POS-88' } },
      desk.as.desk,
    );
    const withdrawn = await stepOk(parts, { step: 'withdraw' }, desk.as.desk);
    // The desk cancels the ticket before the money goes back: the refund is still recorded on it.
    await succeeded('transitionTicket', {
      caller: desk.as.supervisor,
      params: { ticketId: parts.ticketId },
      body: { to: 'cancelled', reason: '客户撤回' },
    });
    const refund = { step: 'refund', amount: 29_900, method: 'cash', reference: 'RF-88' };
    const before = await snapshot(desk.tenant);
    const less = await step(withdrawn, { ...refund, amount: 20_000 }, desk.as.desk);
    expect([less.status, badFields(less)]).toEqual([400, ['body.amount']]);
    expect(await snapshot(desk.tenant)).toEqual(before);

    const refunded = await stepOk(withdrawn, refund, desk.as.desk);
    expect(refunded).toMatchObject({
      status: 'cancelled',
      cancelled: { refundDue: { amount: 29_900, currency: 'CNY', method: 'card', reference: 'POS-88' } },
      refundPaid: {
        amount: 29_900,
        currency: 'CNY',
        method: 'cash',
        reference: 'RF-88',
        by: desk.as.desk.userId,
      },
      version: withdrawn.version + 1,
    });
    const events = (await timeline(parts.ticketId)).filter(
      (event) => event.kind === 'case_step' && event.caseId === parts.id && event.step === 'refund',
    );
    expect(events).toMatchObject([
      { from: 'cancelled', to: 'cancelled', note: 'refund paid (已退款): CNY 299.00 by cash (RF-88)' },
    ]);

    const after = await snapshot(desk.tenant);
    const stale = await step(withdrawn, refund, desk.as.desk);
    expect([stale.status, problem(stale).code]).toEqual([409, 'version_conflict']);
    const twice = await step(refunded, refund, desk.as.desk);
    expect([twice.status, problem(twice).code]).toEqual([409, 'repair_refund_paid']);
    expect(await snapshot(desk.tenant)).toEqual(after);
  });
});
