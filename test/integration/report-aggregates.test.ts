import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/stream/aggregate-reports';
import { consumedEntities } from '../../shared/reports/facts';
import { recountStoreDay } from '../../shared/reports/recount';
import { readDayCounts } from '../../shared/reports/repository';
import type { Revisit } from '../../shared/revisits/views';
import type { Ticket } from '../../shared/tickets/views';
import { setClockOffset } from '../../shared/time/clock';
import { type DeskFixture, deskFixture, ok, succeeded } from '../kit/fixtures';
import { streamEvent, streamRecordsOf } from '../kit/stream';
import { itemsOfTenant } from '../kit/table';

const setClock = (at: string) => setClockOffset(Date.parse(at) - Date.now());
const consumed: ReadonlySet<unknown> = new Set(consumedEntities);
const sourceItems = async (tenant: string) =>
  (await itemsOfTenant(tenant)).filter((item) => consumed.has(item.entity));

let desk: DeskFixture;
beforeAll(async () => {
  desk = await deskFixture('reports');
});
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
});
