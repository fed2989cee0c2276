import { parse } from 'csv-parse/sync';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/stream/aggregate-reports';
import type { Complaint } from '../../shared/complaints/views';
import { consumedEntities } from '../../shared/reports/facts';
import { recountStoreDay } from '../../shared/reports/recount';
import { readDayCounts, replaceDayCounts } from '../../shared/reports/repository';
import type {
  ChainReport,
  MonthlyStaffAssessment,
  SlaReport,
  WeeklyStoreReport,
} from '../../shared/reports/views';
import type { Revisit } from '../../shared/revisits/views';
import type { Ticket } from '../../shared/tickets/views';
import { setClockOffset } from '../../shared/time/clock';
import { type DeskFixture, deskFixture, ok, succeeded } from '../kit/fixtures';
import { admin, type Caller, freshTenant, invoke } from '../kit/invoke';
import { enableFrontOffice, newClaim, newComplaint, newSafeBox } from '../kit/route-requests';
import { streamEvent, streamRecordsOf } from '../kit/stream';
import { itemsOfTenant } from '../kit/table';

const problemPaths = (result: { body: unknown }) =>
  ((result.body as { errors?: { path: string }[] }).errors ?? []).map((issue) => issue.path).sort();
const setClock = (at: string) => setClockOffset(Date.parse(at) - Date.now());
const consumed: ReadonlySet<unknown> = new Set(consumedEntities);
const sourceItems = async (tenant: string) =>
  (await itemsOfTenant(tenant)).filter((item) => consumed.has(item.entity));

let desk: DeskFixture;
// Nine setup requests: a generous bound, since vitest's default 10 s hook bound fails on a loaded machine.
beforeAll(async () => {
  desk = await deskFixture('reports');
}, 120_000);
afterEach(() => setClockOffset(0));

describe('report aggregates from the change stream', () => {
  it('aggregateReports: a day worked out by hand, counted once whatever the delivery', async () => {
    const day = '2026-11-23'; // a Monday in Shanghai; the store runs 7×24 by default
    const at = (time: string) => setClock(`${day}T${time}:00+08:00`);
    const store = desk.store.id;

    at('09:00');
    const repair = await succeeded<Ticket>('createTicket', {
      caller: desk.as.desk,
      body: {
        storeId: store,
        type: 'repair',
        channel: 'phone',
        subject: '冰箱不制冷',
        customer: { phone: '13700000001', name: '赵女士' },
      },
    });
    at('09:10');
    await succeeded('commentOnTicket', {
      caller: desk.as.desk,
      params: { ticketId: repair.id },
      body: { body: '已登记，师傅今天联系您', visibility: 'public' },
    });
    at('09:20');
    await succeeded('assignTicket', {
      caller: desk.as.desk,
      params: { ticketId: repair.id },
      body: { assigneeId: desk.staff.tech.id },
    });
    at('09:30');
    await ok('transitionTicket', {
      caller: desk.as.tech,
      params: { ticketId: repair.id },
      body: { to: 'in_progress' },
    });
    at('11:00');
    const resolved = await ok<Ticket>('transitionTicket', {
      caller: desk.as.tech,
      params: { ticketId: repair.id },
      body: { to: 'resolved', resolution: '更换温控器' },
    });
    at('11:30');
    await ok('transitionTicket', {
      caller: desk.as.desk,
      params: { ticketId: repair.id },
      body: { to: 'closed' },
    });

    at('10:00');
    const inquiry = await succeeded<Ticket>('createTicket', {
      caller: desk.as.desk,
      body: { storeId: store, type: 'inquiry', channel: 'walk_in', priority: 'low', subject: '营业时间' },
    });
    at('10:05');
    await ok('transitionTicket', {
      caller: desk.as.supervisor,
      params: { ticketId: inquiry.id },
      body: { to: 'cancelled', reason: '重复登记' },
    });

    at('13:00');
    const complaint = await succeeded<Ticket>('createTicket', {
      caller: desk.as.desk,
      body: { storeId: store, type: 'complaint', channel: 'wechat', priority: 'high', subject: '态度问题' },
    });
    at('13:05'); // an edit later does not move the ticket out of the column it was opened in
    await ok('updateTicket', {
      caller: desk.as.desk,
      params: { ticketId: complaint.id },
      body: { version: complaint.version, type: 'other', priority: 'normal' },
    });

    const revisitId = resolved.postServiceRevisitId ?? '';
    at('14:00');
    await succeeded('recordRevisitAttempt', {
      caller: desk.as.desk,
      params: { revisitId },
      body: { outcome: 'unreachable' },
    });
    at('15:00');
    const done = await succeeded<Revisit>('recordRevisitAttempt', {
      caller: desk.as.desk,
      params: { revisitId },
      body: { outcome: 'reached', satisfaction: 4 },
    });
    expect(done.status).toBe('done');

    // Every source item, twice, newest first: duplicates and the wrong order.
    const records = streamRecordsOf(await sourceItems(desk.tenant));
    const answer = await handler(streamEvent([...records, ...records].reverse()));
    expect(answer).toEqual({ batchItemFailures: [] });

    const opened = {
      opened: 3,
      'opened.type.repair': 1,
      'opened.type.inquiry': 1,
      'opened.type.complaint': 1,
      'opened.channel.phone': 1,
      'opened.channel.walk_in': 1,
      'opened.channel.wechat': 1,
      'opened.priority.normal': 1,
      'opened.priority.low': 1,
      'opened.priority.high': 1,
    };
    const firstResponse = {
      'firstResponse.count': 1,
      'firstResponse.minutes': 10,
      'firstResponse.le15': 1,
      'sla.firstResponse.met': 1,
    };
    const resolution = {
      resolved: 1,
      'resolution.count': 1,
      'resolution.minutes': 120,
      'resolution.le120': 1,
      'sla.resolution.resolved': 1,
      'sla.resolution.met': 1,
    };
    const revisits = {
      'revisits.attempts': 2,
      'revisits.attempts.unreachable': 1,
      'revisits.attempts.reached': 1,
      'revisits.done': 1,
      'satisfaction.4': 1,
      'satisfaction.count': 1,
      'satisfaction.sum': 4,
    };
    const expected = {
      store: { ...opened, ...firstResponse, ...resolution, closed: 1, cancelled: 1, ...revisits },
      staff: {
        [desk.as.desk.userId]: { ...opened, ...firstResponse, closed: 1, ...revisits },
        [desk.as.tech.userId]: resolution,
        [desk.as.supervisor.userId]: { cancelled: 1 },
      },
    };
    expect(await readDayCounts(desk.tenant, store, day)).toEqual(expected);
    expect(await recountStoreDay(desk.tenant, store, day)).toEqual(expected);

    // Delivered again (a retried batch): nothing moves.
    expect(await handler(streamEvent(records))).toEqual({ batchItemFailures: [] });
    expect(await readDayCounts(desk.tenant, store, day)).toEqual(expected);
    // The other store saw none of it.
    expect(await readDayCounts(desk.tenant, desk.otherStore.id, day)).toEqual({ store: {}, staff: {} });
  });

  it('getWeeklyStoreReport: a seeded week (2026-W49) worked out by hand, as JSON and as CSV', async () => {
    const week = await deskFixture('weekly');
    const store = week.store.id;
    const at = (local: string) => setClock(`${local}:00+08:00`);
    const open = (caller: Caller, body: Record<string, unknown>) =>
      succeeded<Ticket>('createTicket', { caller, body: { storeId: store, subject: '周报', ...body } });
    const move = (caller: Caller, ticketId: string, body: Record<string, unknown>) =>
      ok<Ticket>('transitionTicket', { caller, params: { ticketId }, body });
    const answer = (ticketId: string) =>
      succeeded('commentOnTicket', {
        caller: week.as.desk,
        params: { ticketId },
        body: { body: '已收到', visibility: 'public' },
      });
    const assign = (ticketId: string) =>
      succeeded('assignTicket', {
        caller: week.as.desk,
        params: { ticketId },
        body: { assigneeId: week.staff.tech.id },
      });

    // Mon 30 Nov: a repair, answered in 20 min, resolved after 240 min (7×24 calendar).
    at('2026-11-30T09:00');
    const repair = await open(week.as.desk, {
      type: 'repair',
      channel: 'phone',
      customer: { phone: '13700000002' },
    });
    at('2026-11-30T09:20');
    await answer(repair.id);
    await assign(repair.id);
    await move(week.as.tech, repair.id, { to: 'in_progress' });
    at('2026-11-30T13:00');
    const resolvedRepair = await move(week.as.tech, repair.id, { to: 'resolved', resolution: '已修复' });
    // Tue 1 Dec: an installation, answered in 5 min, resolved after 45, closed.
    at('2026-12-01T10:00');
    const inquiry = await open(week.as.desk, { type: 'installation', channel: 'walk_in', priority: 'low' });
    at('2026-12-01T10:05');
    await answer(inquiry.id);
    await assign(inquiry.id);
    await move(week.as.tech, inquiry.id, { to: 'in_progress' });
    at('2026-12-01T10:45');
    await move(week.as.tech, inquiry.id, { to: 'resolved', resolution: '已答复' });
    at('2026-12-01T11:00');
    await move(week.as.desk, inquiry.id, { to: 'closed' });
    // Wed 2 Dec: a complaint, cancelled.
    at('2026-12-02T14:00');
    const complaint = await open(week.as.desk, { type: 'complaint', channel: 'wechat', priority: 'high' });
    at('2026-12-02T14:30');
    await move(week.as.supervisor, complaint.id, { to: 'cancelled', reason: '误登记' });
    // Thu: the repair's revisit, unreachable; Fri: reached, 5 points.
    const revisitId = resolvedRepair.postServiceRevisitId ?? '';
    at('2026-12-03T10:00');
    await succeeded('recordRevisitAttempt', {
      caller: week.as.desk,
      params: { revisitId },
      body: { outcome: 'unreachable' },
    });
    at('2026-12-04T10:00');
    await succeeded('recordRevisitAttempt', {
      caller: week.as.desk,
      params: { revisitId },
      body: { outcome: 'reached', satisfaction: 5 },
    });
    // Sat 5 Dec, the other areas (each opens its own ticket, by the admin, priority normal):
    // a ¥300 compensation claim (walk-in complaint ticket) approved by the supervisor; a complaint
    // case about a product (hotline) judged valid; a mail-in repair (phone) and a no-reason return
    // (walk-in) of a purchase made on Tuesday; a bag stored; a safe box opened, accessed, closed.
    at('2026-12-05T10:00');
    const claim = await newClaim(week);
    await succeeded('decideCompensationClaim', {
      caller: week.as.supervisor,
      params: { claimId: claim.id },
      body: { decision: 'approve' },
    });
    const complaintCase = await newComplaint(week);
    await ok('recordComplaintStep', {
      caller: week.as.handler,
      params: { complaintId: complaintCase.id },
      body: { version: complaintCase.version, step: 'judge', validity: 'valid', reason: '属实' },
    });
    const customer = await succeeded<{ id: string }>('createCustomer', {
      caller: week.admin,
      body: { name: '周女士', phone: '13700000009' },
    });
    const purchase = await succeeded<{ id: string }>('createPurchase', {
      caller: week.admin,
      body: {
        customerId: customer.id,
        storeId: store,
        items: [{ name: '冰箱', category: 'appliance', amount: 399_900, warrantyMonths: 12 }],
        purchasedOn: '2026-12-01',
        deliveredOn: '2026-12-01',
      },
    });
    const caseTicket = (type: string, channel: string) =>
      succeeded<Ticket>('createTicket', {
        caller: week.admin,
        body: {
          storeId: store,
          type,
          channel,
          subject: type,
          customerId: customer.id,
          purchaseId: purchase.id,
        },
      });
    const repairTicket = await caseTicket('repair', 'phone');
    await succeeded('createRepair', {
      caller: week.admin,
      body: {
        ticketId: repairTicket.id,
        customerId: customer.id,
        purchaseId: purchase.id,
        line: 1,
        mode: 'mail_in',
        problem: '不制冷',
      },
    });
    const returnTicket = await caseTicket('return', 'walk_in');
    await succeeded('createReturn', {
      caller: week.admin,
      body: {
        ticketId: returnTicket.id,
        customerId: customer.id,
        purchaseId: purchase.id,
        kind: 'return',
        reason: 'no_reason',
        description: '不想要了',
        items: [{ line: 1 }],
      },
    });
    await enableFrontOffice(week, store);
    await succeeded('storeLuggage', {
      caller: week.as.desk,
      body: {
        storeId: store,
        tagNumber: 'W-0001',
        pieces: 1,
        description: '黑色拉杆箱',
        location: '行李房 A 架',
        guestName: '王先生',
        expectedPickUpAt: '2026-12-06T12:00:00+08:00',
      },
    });
    const box = await newSafeBox(week);
    await ok('recordSafeBoxAccess', {
      caller: week.as.desk,
      params: { safeBoxId: box.id },
      body: { version: 1, signatureRef: 'SB-2', note: '取出护照' },
    });
    await ok('closeSafeBox', {
      caller: week.as.desk,
      params: { safeBoxId: box.id },
      body: { version: 2, keyReturned: true, signatureRef: 'SB-3' },
    });
    // Sun 23:30 is still this week in Shanghai; Mon 00:10 is the next one.
    at('2026-12-06T23:30');
    await open(week.as.desk, { type: 'other', channel: 'app', priority: 'urgent' });
    at('2026-12-07T00:10');
    await open(week.as.desk, { type: 'other', channel: 'app' });

    expect(await handler(streamEvent(streamRecordsOf(await sourceItems(week.tenant))))).toEqual({
      batchItemFailures: [],
    });

    // Saturday's safe box, repair, return, claim and complaint: the recount finds the same.
    expect(await readDayCounts(week.tenant, store, '2026-12-05')).toEqual(
      await recountStoreDay(week.tenant, store, '2026-12-05'),
    );

    const report = await ok<WeeklyStoreReport>('getWeeklyStoreReport', {
      caller: week.as.supervisor,
      query: { storeId: store, week: '2026-W49' },
    });
    const zero = {
      opened: 0,
      resolved: 0,
      closed: 0,
      cancelled: 0,
      reopened: 0,
      firstResponses: 0,
      firstResponseAverageMinutes: null,
      firstResponseMedianMinutes: null,
      resolutionAverageMinutes: null,
      resolutionMedianMinutes: null,
      firstResponseSlaMet: 0,
      firstResponseSlaBreached: 0,
      resolutionSlaMet: 0,
      resolutionSlaBreached: 0,
      escalations: 0,
      revisitsDue: 0,
      revisitsDone: 0,
      revisitsFailed: 0,
      unreachableAttempts: 0,
      satisfactionCount: 0,
      satisfactionAverage: null,
      returnsOpened: 0,
      exchangesOpened: 0,
      returnsRefunded: 0,
      returnsExchanged: 0,
      returnsToRepair: 0,
      returnsRefused: 0,
      refundedAmount: 0,
      repairsOnSite: 0,
      repairsMailIn: 0,
      repairsParts: 0,
      repairsFinished: 0,
      complaintsOpened: 0,
      complaintsValid: 0,
      complaintsPartlyValid: 0,
      complaintsNotValid: 0,
      compensationClaims: 0,
      compensationClaimedAmount: 0,
      compensationApprovedAmount: 0,
      compensationPaidAmount: 0,
      compensationRecoveredAmount: 0,
      wakeUpCallsRequested: 0,
      wakeUpCallsDone: 0,
      wakeUpCallsEscalated: 0,
      messagesTaken: 0,
      messagesDelivered: 0,
      luggageStored: 0,
      luggagePickedUp: 0,
      lostItemsFound: 0,
      lostItemsClaimed: 0,
      loansLent: 0,
      loansReturned: 0,
      safeBoxesOpened: 0,
      safeBoxesAccessed: 0,
      safeBoxesClosed: 0,
    };
    const answered = (minutes: number, bucket: number) => ({
      firstResponses: 1,
      firstResponseAverageMinutes: minutes,
      firstResponseMedianMinutes: bucket,
      firstResponseSlaMet: 1, // no SLA timer ran, so no breach preceded the answer
    });
    const resolvedIn = (minutes: number, bucket: number) => ({
      resolved: 1,
      resolutionAverageMinutes: minutes,
      resolutionMedianMinutes: bucket,
      resolutionSlaMet: 1,
    });
    // Saturday's other areas: four case tickets; ¥300 claimed and approved (in fen); the complaint
    // judged valid; a mail-in repair; a return (no reason); a bag stored; one box opened, accessed, closed.
    const saturday = {
      opened: 4,
      compensationClaims: 1,
      compensationClaimedAmount: 30_000,
      compensationApprovedAmount: 30_000,
      complaintsOpened: 1,
      complaintsValid: 1,
      repairsMailIn: 1,
      returnsOpened: 1,
      luggageStored: 1,
      safeBoxesOpened: 1,
      safeBoxesAccessed: 1,
      safeBoxesClosed: 1,
    };
    expect(report.from).toBe('2026-11-30');
    expect(report.to).toBe('2026-12-06');
    expect(report.days).toEqual([
      { ...zero, day: '2026-11-30', opened: 1, ...answered(20, 30), ...resolvedIn(240, 240) },
      { ...zero, day: '2026-12-01', opened: 1, ...answered(5, 15), ...resolvedIn(45, 60), closed: 1 },
      { ...zero, day: '2026-12-02', opened: 1, cancelled: 1 },
      { ...zero, day: '2026-12-03', unreachableAttempts: 1 },
      { ...zero, day: '2026-12-04', revisitsDone: 1, satisfactionCount: 1, satisfactionAverage: 5 },
      {
        ...zero,
        day: '2026-12-05',
        ...saturday,
      },
      { ...zero, day: '2026-12-06', opened: 1 },
    ]);
    // Averages: (20 + 5) / 2 = 12.5 and (240 + 45) / 2 = 142.5; medians: the 1st of 2 samples' bucket.
    expect(report.total).toEqual({
      ...zero,
      ...saturday,
      day: 'total',
      opened: 8,
      resolved: 2,
      closed: 1,
      cancelled: 1,
      firstResponses: 2,
      firstResponseAverageMinutes: 12.5,
      firstResponseMedianMinutes: 15,
      resolutionAverageMinutes: 142.5,
      resolutionMedianMinutes: 60,
      firstResponseSlaMet: 2,
      resolutionSlaMet: 2,
      revisitsDone: 1,
      unreachableAttempts: 1,
      satisfactionCount: 1,
      satisfactionAverage: 5,
    });
    expect(report.openedByType).toEqual({ complaint: 3, installation: 1, other: 1, repair: 2, return: 1 });
    expect(report.openedByChannel).toEqual({ app: 1, hotline: 1, phone: 2, wechat: 1, walk_in: 3 });
    expect(report.openedByPriority).toEqual({ high: 1, low: 1, normal: 5, urgent: 1 });
    expect(report.satisfactionScores).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 });

    const csv = await invoke('getWeeklyStoreReport', {
      caller: week.as.manager,
      query: { storeId: store, week: '2026-W49', format: 'csv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['cache-control']).toBe('no-store');
    const text = String(csv.body);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.日期)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '合计',
    ]);
    expect(rows[7]).toMatchObject({
      新建工单: '8',
      '申请赔付金额(分)': '30000',
      '批准赔付金额(分)': '30000',
      投诉属实: '1',
      寄修: '1',
      退货申请: '1',
      行李寄存: '1',
      保险箱开箱: '1',
      保险箱存取: '1',
      保险箱退箱: '1',
      已解决: '2',
      已取消: '1',
      '平均首次响应(工作分钟)': '12.5',
      '解决时长中位数(工作分钟,估)': '60',
      平均满意度: '5',
    });
    expect(rows[5]?.['平均首次响应(工作分钟)']).toBe('');

    // The same week's SLA report: both clocks met twice, nothing breached (no timer ran).
    const sla = await ok<SlaReport>('getSlaReport', {
      caller: week.as.supervisor,
      query: { storeId: store, from: '2026-11-30', to: '2026-12-06' },
    });
    expect(sla.days).toHaveLength(7);
    expect(sla.days[0]).toMatchObject({ day: '2026-11-30', firstResponseMet: 1, resolutionMet: 1 });
    expect(sla.total).toMatchObject({
      firstResponseMet: 2,
      firstResponseBreached: 0,
      firstResponseMetRate: 1,
      resolutionMet: 2,
      resolutionMetRate: 1,
    });
  });

  it('getWeeklyStoreReport: supervisors see their stores, managers and admins the chain', async () => {
    const query = { storeId: desk.otherStore.id, week: '2026-W48' };
    const supervisor = await invoke('getWeeklyStoreReport', { caller: desk.as.supervisor, query });
    expect([supervisor.status, (supervisor.body as { code?: string }).code]).toEqual([
      403,
      'store_out_of_scope',
    ]);
    expect((await invoke('getWeeklyStoreReport', { caller: desk.as.manager, query })).status).toBe(200);
    expect((await invoke('getWeeklyStoreReport', { caller: desk.admin, query })).status).toBe(200);
    expect(
      (
        await invoke('getWeeklyStoreReport', {
          caller: desk.as.desk,
          query: { ...query, storeId: desk.store.id },
        })
      ).status,
    ).toBe(403);
    const badWeek = await invoke('getWeeklyStoreReport', {
      caller: desk.admin,
      query: { ...query, week: '2027-W53' },
    });
    expect(badWeek.status).toBe(400); // 2027 has 52 ISO weeks (2026 has 53)
    const unknown = await invoke('getWeeklyStoreReport', {
      caller: desk.admin,
      query: { ...query, storeId: '01JDQ7Z6W8G5V4T3S2R1Q0P9N8' },
    });
    expect(unknown.status).toBe(404);
  });
  it('getMonthlyStaffAssessment: a seeded month (2026-11) worked out by hand, with a complaint against a technician, its score and luggage, through the stream; the recount agrees', async () => {
    const month = await deskFixture('monthly');
    const store = month.store.id;
    const at = (local: string) => setClock(`${local}:00+08:00`);

    // 10 Nov: a repair, answered by the technician in 30 min, resolved after 120 (7×24, default SLA met).
    at('2026-11-10T09:00');
    const repair = await succeeded<Ticket>('createTicket', {
      caller: month.as.desk,
      body: {
        storeId: store,
        type: 'repair',
        channel: 'phone',
        subject: '洗衣机漏水',
        customer: { phone: '13700000003' },
      },
    });
    at('2026-11-10T09:30');
    await succeeded('commentOnTicket', {
      caller: month.as.tech,
      params: { ticketId: repair.id },
      body: { body: '下午上门', visibility: 'public' },
    });
    await succeeded('assignTicket', {
      caller: month.as.desk,
      params: { ticketId: repair.id },
      body: { assigneeId: month.staff.tech.id },
    });
    await ok('transitionTicket', {
      caller: month.as.tech,
      params: { ticketId: repair.id },
      body: { to: 'in_progress' },
    });
    at('2026-11-10T11:00');
    const resolved = await ok<Ticket>('transitionTicket', {
      caller: month.as.tech,
      params: { ticketId: repair.id },
      body: { to: 'resolved', resolution: '更换进水阀' },
    });
    // 10 Nov luggage stored, 11 Nov picked up (寄存 / 提取).
    await enableFrontOffice(month, store);
    at('2026-11-10T12:00');
    const bag = await succeeded<{ id: string; tagNumber: string }>('storeLuggage', {
      caller: month.as.desk,
      body: {
        storeId: store,
        tagNumber: 'M-0001',
        pieces: 1,
        description: '黑色拉杆箱',
        location: '行李房 A 架',
        guestName: '王先生',
        expectedPickUpAt: '2026-11-11T18:00:00+08:00',
      },
    });
    at('2026-11-11T10:00');
    await ok('pickUpLuggage', {
      caller: month.as.desk,
      params: { luggageId: bag.id },
      body: { version: 1, with: 'stub', tagNumber: bag.tagNumber },
    });
    // 12 Nov: a complaint against the technician, valid; the handler records the remedy; the
    // supervisor records the customer's score 2, which rates the handling (credited to the handler).
    at('2026-11-12T09:00');
    const complaintTicket = await succeeded<Ticket>('createTicket', {
      caller: month.as.desk,
      body: { storeId: store, type: 'complaint', channel: 'hotline', subject: '师傅态度差' },
    });
    let complaint = await succeeded<Complaint>('createComplaint', {
      caller: month.as.desk,
      body: {
        ticketId: complaintTicket.id,
        complainant: { name: '王女士', phone: '13700000003' },
        respondent: { kind: 'staff', id: month.staff.tech.id },
        category: 'service_attitude',
        content: '上门师傅态度差',
        claim: { kinds: ['apology'] },
      },
    });
    const department = await succeeded<{ id: string }>('createDepartment', {
      caller: month.admin,
      body: { storeId: store, name: '售后部', members: [month.staff.supervisor.id] },
    });
    const step = async (caller: Caller, body: Record<string, unknown>) => {
      complaint = await ok<Complaint>('recordComplaintStep', {
        caller,
        params: { complaintId: complaint.id },
        body: { version: complaint.version, ...body },
      });
    };
    await step(month.as.handler, { step: 'judge', validity: 'valid', reason: '属实' });
    await step(month.as.handler, {
      step: 'add_task',
      assignee: { kind: 'department', id: department.id },
      instructions: '核实',
      dueInBusinessHours: 4,
    });
    await step(month.as.handler, {
      step: 'record_findings',
      taskId: complaint.tasks[0]?.id,
      findings: '属实',
    });
    await step(month.as.handler, { step: 'record_remedy', result: '属实', remedy: '道歉', amount: 5_000 });
    await step(month.as.handler, {
      step: 'record_feedback',
      at: '2026-11-12T15:00:00+08:00',
      method: 'phone',
      content: '已致歉',
    });
    await step(month.as.supervisor, { step: 'record_satisfaction', score: 2 });
    // 13 Nov: the repair's revisit, reached, 5 points.
    at('2026-11-13T10:00');
    await succeeded('recordRevisitAttempt', {
      caller: month.as.desk,
      params: { revisitId: resolved.postServiceRevisitId ?? '' },
      body: { outcome: 'reached', satisfaction: 5 },
    });

    const records = streamRecordsOf(await sourceItems(month.tenant));
    expect(await handler(streamEvent([...records, ...records].reverse()))).toEqual({ batchItemFailures: [] });
    for (const day of ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13']) {
      expect(await readDayCounts(month.tenant, store, day), day).toEqual(
        await recountStoreDay(month.tenant, store, day),
      );
    }
    const days = async (day: string) => (await readDayCounts(month.tenant, store, day)).store;
    expect(await days('2026-11-10')).toMatchObject({ 'luggage.stored': 1 });
    expect(await days('2026-11-11')).toMatchObject({ 'luggage.picked_up': 1 });
    expect(await days('2026-11-12')).toMatchObject({
      'complaints.opened': 1,
      'complaints.respondent.staff': 1,
      [`complaints.against.${month.staff.tech.id}`]: 1,
      'complaints.validity.valid': 1,
      'complaints.remedy.amount': 5_000,
      'complaints.satisfaction.2': 1,
    });

    const report = await ok<MonthlyStaffAssessment>('getMonthlyStaffAssessment', {
      caller: month.as.supervisor,
      query: { storeId: store, month: '2026-11' },
    });
    expect([report.from, report.to]).toEqual(['2026-11-01', '2026-11-30']);
    const zero = {
      handled: 0,
      resolvedWithSla: 0,
      resolvedOnTime: 0,
      onTimeRate: null,
      firstResponses: 0,
      firstResponseMedianMinutes: null,
      satisfactionCount: 0,
      satisfactionAverage: null,
      revisitsDone: 0,
      revisitsFailed: 0,
      revisitCompletionRate: null,
      complaintsAgainst: 0,
    };
    const row = (name: 'desk' | 'tech' | 'handler' | 'supervisor') => ({
      staffId: month.staff[name].id,
      userId: month.as[name].userId,
      name,
    });
    const byName = Object.fromEntries(report.staff.map((entry) => [entry.name, entry]));
    expect(byName.tech).toEqual({
      ...zero,
      ...row('tech'),
      handled: 1,
      resolvedWithSla: 1,
      resolvedOnTime: 1,
      onTimeRate: 1,
      firstResponses: 1,
      firstResponseMedianMinutes: 30,
      complaintsAgainst: 1,
    });
    expect(byName.handler).toEqual({
      ...zero,
      ...row('handler'),
      satisfactionCount: 1,
      satisfactionAverage: 2,
    });
    expect(byName.desk).toEqual({
      ...zero,
      ...row('desk'),
      satisfactionCount: 1,
      satisfactionAverage: 5,
      revisitsDone: 1,
      revisitCompletionRate: 1,
    });
    // The score closes the complaint, and with it its ticket: resolved by the supervisor's act.
    expect(byName.supervisor).toEqual({
      ...zero,
      ...row('supervisor'),
      handled: 1,
      resolvedWithSla: 1,
      resolvedOnTime: 1,
      onTimeRate: 1,
    });
    // Every member of the store has a row (tech2, manager: nothing this month); the other store's does not.
    expect(report.staff.map((entry) => entry.name).sort()).toEqual(
      ['desk', 'handler', 'manager', 'supervisor', 'tech', 'tech2'].sort(),
    );
    expect(report.store).toMatchObject({
      handled: 2,
      satisfactionCount: 2,
      satisfactionAverage: 3.5,
      revisitsDone: 1,
      complaintsAgainst: 1,
    });

    const csv = await invoke('getMonthlyStaffAssessment', {
      caller: month.as.manager,
      query: { storeId: store, month: '2026-11', format: 'csv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = String(csv.body);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((entry) => entry.员工 === 'tech')).toMatchObject({
      处理工单数: '1',
      按时解决率: '1',
      '首次响应中位数(工作分钟,估)': '30',
      被投诉次数: '1',
    });
    expect(rows.at(-1)).toMatchObject({ 员工: '门店合计', 平均满意度: '3.5', 被投诉次数: '1' });
  }, 120_000);

  it('getSlaReport: supervisors see their stores, managers and admins the chain; at most 92 days', async () => {
    const query = { storeId: desk.otherStore.id, from: '2026-11-01', to: '2026-11-30' };
    const supervisor = await invoke('getSlaReport', { caller: desk.as.supervisor, query });
    expect([supervisor.status, (supervisor.body as { code?: string }).code]).toEqual([
      403,
      'store_out_of_scope',
    ]);
    expect((await invoke('getSlaReport', { caller: desk.as.manager, query })).status).toBe(200);
    const long = await invoke('getSlaReport', { caller: desk.admin, query: { ...query, to: '2027-02-01' } }); // 93 days
    expect(long.status).toBe(400);
  });

  it('getMonthlyStaffAssessment: supervisors see their stores, managers and admins the chain', async () => {
    const query = { storeId: desk.otherStore.id, month: '2026-11' };
    const supervisor = await invoke('getMonthlyStaffAssessment', { caller: desk.as.supervisor, query });
    expect([supervisor.status, (supervisor.body as { code?: string }).code]).toEqual([
      403,
      'store_out_of_scope',
    ]);
    expect((await invoke('getMonthlyStaffAssessment', { caller: desk.as.manager, query })).status).toBe(200);
    const own = { ...query, storeId: desk.store.id };
    expect((await invoke('getMonthlyStaffAssessment', { caller: desk.as.desk, query: own })).status).toBe(
      403,
    );
    const badMonth = await invoke('getMonthlyStaffAssessment', {
      caller: desk.admin,
      query: { ...query, month: '2026-13' },
    });
    expect(badMonth.status).toBe(400);
    const unknown = await invoke('getMonthlyStaffAssessment', {
      caller: desk.admin,
      query: { ...query, storeId: '01JDQ7Z6W8G5V4T3S2R1Q0P9N8' },
    });
    expect(unknown.status).toBe(404);
  });
  it('getChainReport: admins and managers see every store of the chain, supervisors nothing; another tenant’s store is 404; a bad range names from and to', async () => {
    const { tenant } = desk;
    // Day items written directly: what they count is tested above; here, which stores and days are read.
    const day = (storeId: string, date: string, store: Record<string, number>) =>
      replaceDayCounts(tenant, storeId, date, { store, staff: {} });
    await day(desk.store.id, '2026-09-02', { opened: 2, 'returns.refunded.amount': 12_900 });
    await day(desk.store.id, '2026-09-03', { opened: 1, 'safeBoxes.opened': 1 });
    await day(desk.otherStore.id, '2026-09-30', { opened: 3, 'compensation.paid.amount': 5_000 });
    await day(desk.otherStore.id, '2026-10-01', { opened: 50 }); // after the range
    // September: no other test of this file counts anything in the desk's stores then.
    const range = { from: '2026-09-01', to: '2026-09-30' };
    const chain = (caller: Caller, query: Record<string, string>) =>
      invoke<ChainReport>('getChainReport', { caller, query: { ...range, ...query } });

    const all = await chain(desk.admin, {});
    expect(all.status).toBe(200);
    expect(all.body.stores.map((row) => [row.storeCode, row.opened, row.refundedAmount])).toEqual([
      ['SH01', 3, 12_900],
      ['SH01X', 3, 0],
    ]);
    expect(all.body.total).toMatchObject({
      opened: 6,
      refundedAmount: 12_900,
      compensationPaidAmount: 5_000,
    });
    expect([all.body.totalCoversAllStores, all.body.cursor]).toEqual([true, null]);

    // A page of one store at a time: the cursor goes on to the other; each total is the page's.
    const first = await chain(desk.admin, { limit: '1' });
    expect([first.body.stores.length, first.body.totalCoversAllStores]).toEqual([1, false]);
    const second = await chain(desk.admin, { limit: '1', cursor: first.body.cursor ?? '' });
    // A full last page ends the list: no cursor to an empty page.
    expect([second.status, second.body.cursor, second.body.totalCoversAllStores]).toEqual([200, null, false]);
    expect([...first.body.stores, ...second.body.stores].map((row) => row.storeCode).sort()).toEqual([
      'SH01',
      'SH01X',
    ]);
    expect(
      (await chain(desk.admin, { limit: '1', cursor: first.body.cursor ?? '', to: '2026-09-29' })).status,
    ).toBe(400);

    // Named stores page the same way; their cursor holds only for the same stores.
    const both = `${desk.store.id},${desk.otherStore.id}`;
    const named = await chain(desk.admin, { storeIds: both, limit: '1' });
    expect([named.body.stores.length, Boolean(named.body.cursor)]).toEqual([1, true]);
    const namedNext = await chain(desk.admin, {
      storeIds: both,
      limit: '1',
      cursor: named.body.cursor ?? '',
    });
    expect([namedNext.body.stores.length, namedNext.body.cursor]).toEqual([1, null]);
    const swapped = { storeIds: desk.store.id, limit: '1', cursor: named.body.cursor ?? '' };
    expect((await chain(desk.admin, swapped)).status).toBe(400);

    // The manager's token names SH01 only, yet a manager reads the whole chain, as they read any
    // store's weekly report; a supervisor reads no chain report at all.
    const managed = await chain(desk.as.manager, {});
    expect(managed.body.stores.map((row) => row.storeCode)).toEqual(['SH01', 'SH01X']);
    expect(managed.body.total.opened).toBe(6);
    const other = await chain(desk.as.manager, { storeIds: desk.otherStore.id });
    expect(other.body.stores.map((row) => row.storeCode)).toEqual(['SH01X']);
    expect((await chain(desk.as.supervisor, {})).status).toBe(403);

    // Another tenant's store, named by an admin (alone or beside one of theirs): 404, never a
    // total that quietly leaves a store out.
    const foreign = await succeeded<{ id: string }>('createStore', {
      caller: admin(freshTenant('chain-other')),
      body: { code: 'BJ01', name: '北京一店' },
    });
    for (const storeIds of [foreign.id, `${desk.store.id},${foreign.id}`]) {
      expect((await chain(desk.admin, { storeIds })).status).toBe(404);
    }

    const backwards = await chain(desk.admin, { from: '2026-10-01', to: '2026-09-01' });
    expect([backwards.status, problemPaths(backwards)]).toEqual([400, ['from', 'to']]);
    const tooLong = await chain(desk.admin, { to: '2026-12-02' }); // 93 days
    expect([tooLong.status, problemPaths(tooLong)]).toEqual([400, ['from', 'to']]);

    const csv = await invoke('getChainReport', { caller: desk.admin, query: { ...range, format: 'csv' } });
    const rows = parse(String(csv.body), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.门店编号, row.新建工单, row['退款金额(分)']])).toEqual([
      ['SH01', '3', '12900'],
      ['SH01X', '3', '0'],
      ['合计', '6', '12900'],
    ]);
  });
});
