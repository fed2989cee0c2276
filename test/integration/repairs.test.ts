import { beforeAll, describe, expect, it } from 'vitest';
import type { EligibilityDecision } from '../../shared/after-sales/eligibility';
import type { Purchase } from '../../shared/customers/views';
import type { Page } from '../../shared/db/cursor';
import type { RepairCase } from '../../shared/repairs/views';
import type { Ticket, TimelineEvent } from '../../shared/tickets/views';
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

describe('repairs: on site, mail-in and parts, on repair tickets', () => {
  let desk: DeskFixture;
  let other: DeskFixture;
  let customerId: string;

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
  }, 120_000);

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
    expect(badFields(bad).sort()).toEqual([
      'body.appointment',
      'body.line',
      'body.problem',
      'body.technicianId',
    ]);
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
    expect((await snapshot(desk.tenant)).filter((item) => !before.includes(item))).toEqual(
      snapshotAfterTicket.filter((item) => !before.includes(item)),
    );
  });

  it('recordRepairStep: mail-in out of warranty through quote, payment and shipping back; roles, stages and versions enforced; the ticket resolves and the item’s history grows', async () => {
    const purchase = await buy(400);
    const opened = await create(purchase, {}, { started: true });
    expect(opened).toMatchObject({ charge: 'paid', warranty: { inWarranty: false } });

    const early = await step(opened, { step: 'quote', amount: 45_000, description: '更换主板' });
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
    const quoted = await stepOk(inspected, { step: 'quote', amount: 45_000, description: '更换主板' });
    expect(quoted).toMatchObject({ status: 'quoted', quote: { amount: 45_000 }, stall: { stage: 'quote' } });
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

  it('recordRepairStep: a declined quote goes back unrepaired and adds nothing to the history; in warranty nothing is quoted', async () => {
    const purchase = await buy(400);
    let repair = await create(purchase);
    repair = await stepOk(repair, { step: 'receive_parcel', trackingNumber: 'SF300' });
    repair = await stepOk(repair, { step: 'inspect', findings: '屏幕排线损坏' });
    repair = await stepOk(repair, { step: 'quote', amount: 80_000, description: '更换屏幕' });
    repair = await stepOk(repair, { step: 'decline', reason: '太贵' }, desk.as.desk);
    expect(repair).toMatchObject({ status: 'declined', declined: { reason: '太贵' } });
    repair = await stepOk(repair, { step: 'ship', trackingNumber: 'SF301' }, desk.as.desk);
    repair = await stepOk(repair, { step: 'deliver' }, desk.as.desk);
    expect(repair).toMatchObject({ status: 'delivered', countsAsRepair: false });
    expect(await recordedRepairs(purchase)).toBeUndefined();
    // Work on the ticket never started: the case finished, the ticket stays as it was.
    expect((await getTicket(repair.ticketId)).status).toBe('new');

    const inWarranty = await buy(30);
    let free = await create(inWarranty);
    free = await stepOk(free, { step: 'receive_parcel', trackingNumber: 'SF400' });
    free = await stepOk(free, { step: 'inspect', findings: '电池鼓包' });
    expect(free).toMatchObject({ status: 'repairing', charge: 'free' });
    const quote = await step(free, { step: 'quote', amount: 1, description: 'x' });
    expect(quote.status).toBe(409);
    free = await stepOk(free, { step: 'ship', trackingNumber: 'SF401' });
    free = await stepOk(free, { step: 'deliver' });
    expect(await recordedRepairs(inWarranty)).toEqual({ repairs: 1, daysInRepair: 0 });
  });

  it('recordRepairStep: on site, free in warranty and with a fee outside it; parts quoted, paid, shipped and delivered', async () => {
    const appointment = { from: '2026-12-01T09:00:00+08:00', to: '2026-12-01T12:00:00+08:00' };
    const purchase = await buy(30);
    const visit = { step: 'visit', findings: '风扇积灰', parts: [], labourMinutes: 40 };
    const onSite = await create(
      purchase,
      { mode: 'on_site', appointment, technicianId: desk.staff.tech.id },
      {
        started: true,
      },
    );
    expect(onSite).toMatchObject({ status: 'scheduled', charge: 'free', technicianId: desk.staff.tech.id });
    const deskVisit = await step(onSite, visit, desk.as.desk);
    expect(deskVisit.status).toBe(403);
    const charged = await step(onSite, { ...visit, fee: { amount: 5_000, method: 'cash', reference: 'R1' } });
    expect([charged.status, badFields(charged)]).toEqual([400, ['body.fee']]);
    const visited = await stepOk(onSite, visit);
    expect(visited).toMatchObject({ status: 'done', countsAsRepair: true, visit: { labourMinutes: 40 } });
    expect((await getTicket(onSite.ticketId)).status).toBe('resolved');

    const old = await buy(400);
    const paidVisit = await create(old, { mode: 'on_site', appointment, technicianId: desk.staff.tech.id });
    const noFee = await step(paidVisit, visit);
    expect([noFee.status, badFields(noFee)]).toEqual([400, ['body.fee']]);
    const withFee = await stepOk(paidVisit, {
      ...visit,
      parts: [{ name: '风扇', quantity: 1, amount: 12_000 }],
      fee: { amount: 20_000, method: 'alipay', reference: 'ALI-1' },
    });
    expect(withFee).toMatchObject({ status: 'done', charge: 'paid', visit: { fee: { amount: 20_000 } } });

    let parts = await create(purchase, { mode: 'parts', problem: '原装电源适配器一个' });
    expect(parts).toMatchObject({ status: 'requested', charge: 'paid' });
    parts = await stepOk(parts, { step: 'quote', amount: 29_900, description: '65W 电源适配器' });
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
});
