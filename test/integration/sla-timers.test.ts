import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// DEBUG_TIMERS=1 shows the timer steps this file drives.
vi.hoisted(() => {
  process.env.LOG_LEVEL = process.env.DEBUG_TIMERS ? 'DEBUG' : 'SILENT';
});

import { startTimerRuntime, type TimerRuntime } from '../../infra/local/timer-runtime';
import type { Page } from '../../shared/db/cursor';
import type { Notification } from '../../shared/notifications/inbox';
import type { Ticket, TimelineEvent } from '../../shared/tickets/views';
import { setClockOffset } from '../../shared/time/clock';
import { itDeskPolicies, weekdaysNineToSix } from '../kit/bodies';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { type Caller, invoke } from '../kit/invoke';
import { itemsOfTenant } from '../kit/table';

const repoRoot = new URL('../..', import.meta.url).pathname;
const setClock = (iso: string) => setClockOffset(Date.parse(iso) - Date.now());

const itDeskWeek = weekdaysNineToSix();
const policies = itDeskPolicies(240);

let timers: TimerRuntime;
beforeAll(async () => {
  timers = await startTimerRuntime({ repoRoot, intervals: false });
});
afterAll(() => timers.stop());
afterEach(() => setClockOffset(0));

async function itDesk(label: string, holidays: string[] = []): Promise<DeskFixture> {
  const desk = await deskFixture(label);
  expect((await invoke('putSlaPolicies', { caller: desk.admin, body: policies })).status).toBe(200);
  const calendar = await invoke('putStoreCalendar', {
    caller: desk.admin,
    params: { storeId: desk.store.id },
    body: { weekly: itDeskWeek, holidays },
  });
  expect(calendar.status).toBe(200);
  return desk;
}

const open = async (caller: Caller, storeId: string) => {
  const result = await invoke<Ticket>('createTicket', {
    caller,
    body: { storeId, type: 'it_request', channel: 'phone', subject: '打印机无法连接' },
  });
  expect(result.status).toBe(201);
  return result.body;
};

const slaEvents = async (caller: Caller, ticketId: string) =>
  (
    await invoke<Page<TimelineEvent>>('ticketTimeline', {
      caller,
      params: { ticketId },
      query: { limit: '100' },
    })
  ).body.items
    .filter((event) => event.kind.startsWith('sla_'))
    .map(
      (event) =>
        `${event.kind}:${'clock' in event ? event.clock : ''}${'level' in event && event.level ? `:${event.level}` : ''}`,
    );

/** Due times carry the milliseconds that passed between setting the clock and the request. */
const near = (actual: string | undefined, expected: string) =>
  expect(Math.abs(Date.parse(actual ?? '') - Date.parse(expected))).toBeLessThan(5_000);

const at = async (iso: string) => {
  setClock(iso);
  await timers.settle();
};

describe('SLA timers (fireSlaTimer, the escalation queue)', () => {
  it('warns, breaches and escalates on business minutes: Friday 17:50 at an IT desk is due Monday 09:50', async () => {
    const desk = await itDesk('sla-friday');
    setClock('2026-11-27T17:50:00+08:00');
    const ticket = await open(desk.as.desk, desk.store.id);
    near(ticket.sla?.firstResponse.dueAt, '2026-11-30T09:50:00+08:00');
    // 240 business minutes: 10 on Friday, 230 on Monday → 12:50.
    near(ticket.sla?.resolution.dueAt, '2026-11-30T12:50:00+08:00');

    await at('2026-11-29T23:00:00+08:00'); // across the weekend: nothing
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual([]);
    await at('2026-11-30T09:37:00+08:00'); // 47 business minutes in
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual([]);
    await at('2026-11-30T09:38:30+08:00'); // 80 % of 60
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual(['sla_warning:first_response']);
    await at('2026-11-30T09:49:00+08:00');
    expect(await slaEvents(desk.as.desk, ticket.id)).toHaveLength(1);
    await at('2026-11-30T09:50:30+08:00');
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual([
      'sla_warning:first_response',
      'sla_breached:first_response',
      'sla_escalated:first_response:1',
    ]);
    const supervisorInbox = await invoke<Page<Notification>>('listNotifications', {
      caller: desk.as.supervisor,
    });
    expect(supervisorInbox.body.items.map((entry) => entry.kind)).toContain('sla_escalated');

    // Sweeping again at the same time changes nothing.
    await timers.settle();
    expect(await slaEvents(desk.as.desk, ticket.id)).toHaveLength(3);

    await at('2026-11-30T11:49:00+08:00');
    expect(await slaEvents(desk.as.desk, ticket.id)).toHaveLength(3); // the resolution warning is due at 12:02
    await at('2026-11-30T11:51:00+08:00'); // breach + 120 business minutes → managers
    const events = await slaEvents(desk.as.desk, ticket.id);
    expect(events.filter((event) => event === 'sla_escalated:first_response:2')).toHaveLength(1);
    const managerInbox = await invoke<Page<Notification>>('listNotifications', { caller: desk.as.manager });
    expect(managerInbox.body.items.some((entry) => entry.kind === 'sla_escalated' && entry.level === 2)).toBe(
      true,
    );
    const read = await invoke<Ticket>('getTicket', { caller: desk.as.desk, params: { ticketId: ticket.id } });
    expect(read.body.sla?.firstResponse).toMatchObject({ state: 'breached', escalationLevel: 2 });
  });

  it('does not count a holiday inside the deadline', async () => {
    const desk = await itDesk('sla-holiday', ['2026-11-30']);
    setClock('2026-11-27T17:50:00+08:00');
    const ticket = await open(desk.as.desk, desk.store.id);
    near(ticket.sla?.firstResponse.dueAt, '2026-12-01T09:50:00+08:00');
    await at('2026-11-30T12:00:00+08:00');
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual([]);
    await at('2026-12-01T09:51:00+08:00');
    expect(await slaEvents(desk.as.desk, ticket.id)).toContain('sla_breached:first_response');
  });

  it('never escalates a ticket resolved in time, and leaves no timer behind', async () => {
    const desk = await itDesk('sla-resolved');
    setClock('2026-11-30T10:00:00+08:00');
    const ticket = await open(desk.as.desk, desk.store.id);
    await invoke('assignTicket', {
      caller: desk.as.desk,
      params: { ticketId: ticket.id },
      body: { assigneeId: desk.staff.tech.id },
    });
    await invoke('transitionTicket', {
      caller: desk.as.tech,
      params: { ticketId: ticket.id },
      body: { to: 'in_progress' },
    });
    const resolved = await invoke<Ticket>('transitionTicket', {
      caller: desk.as.tech,
      params: { ticketId: ticket.id },
      body: { to: 'resolved', resolution: '重新安装驱动' },
    });
    expect(resolved.body.sla?.resolution).toMatchObject({ state: 'met' });
    expect(resolved.body.sla?.firstResponse).toMatchObject({ state: 'met' });
    await at('2026-12-03T10:00:00+08:00');
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual([]);
    expect((await itemsOfTenant(desk.tenant)).filter((item) => item.entity === 'timer')).toEqual([]);
  });

  it('stops the resolution clock while waiting on the customer and moves the deadline by the wait', async () => {
    const desk = await itDesk('sla-pause');
    setClock('2026-11-30T09:00:00+08:00');
    const ticket = await open(desk.as.desk, desk.store.id);
    near(ticket.sla?.resolution.dueAt, '2026-11-30T13:00:00+08:00');
    await invoke('assignTicket', {
      caller: desk.as.desk,
      params: { ticketId: ticket.id },
      body: { assigneeId: desk.staff.tech.id },
    });
    await invoke('commentOnTicket', {
      caller: desk.as.tech,
      params: { ticketId: ticket.id },
      body: { body: '已远程查看', visibility: 'public' },
    });
    await invoke('transitionTicket', {
      caller: desk.as.tech,
      params: { ticketId: ticket.id },
      body: { to: 'in_progress' },
    });
    setClock('2026-11-30T10:00:00+08:00');
    await invoke('transitionTicket', {
      caller: desk.as.tech,
      params: { ticketId: ticket.id },
      body: { to: 'pending_customer' },
    });
    await at('2026-11-30T14:00:00+08:00'); // past the old deadline, but paused
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual([]);
    const resumed = await invoke<Ticket>('transitionTicket', {
      caller: desk.as.tech,
      params: { ticketId: ticket.id },
      body: { to: 'in_progress' },
    });
    // Waited 10:00–14:00 = 240 business minutes: due 13:00 + 4 h = 17:00.
    expect(resumed.body.sla?.resolution.state).toBe('pending');
    near(resumed.body.sla?.resolution.dueAt, '2026-11-30T17:00:00+08:00');
    expect(resumed.body.sla?.pausedMinutes).toBe(240);
    await at('2026-11-30T16:59:00+08:00');
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual(['sla_warning:resolution']);
    await at('2026-11-30T17:00:30+08:00');
    expect(await slaEvents(desk.as.desk, ticket.id)).toContain('sla_breached:resolution');
  });

  it('retries a failed invocation until it succeeds, once', async () => {
    const desk = await itDesk('sla-retry');
    setClock('2026-11-30T09:00:00+08:00');
    const ticket = await open(desk.as.desk, desk.store.id);
    timers.queues.failNextInvocations('escalation', 1);
    await at('2026-11-30T09:48:10+08:00'); // the warning is due; its first invocation crashes
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual([]);
    await at('2026-11-30T09:49:20+08:00'); // visible again after the 60 s visibility timeout
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual(['sla_warning:first_response']);
  });

  it('changes nothing when SQS delivers the same message twice', async () => {
    const desk = await itDesk('sla-duplicate');
    setClock('2026-11-30T09:00:00+08:00');
    const ticket = await open(desk.as.desk, desk.store.id);
    await at('2026-11-30T09:48:10+08:00');
    // The 09:48 sweep already claimed the 10:00 breach and sent it with a delay (look-ahead).
    setClock('2026-11-30T10:00:10+08:00');
    const mine = timers.queues.peek('escalation').filter((body) => body.includes(ticket.id));
    expect(mine).toHaveLength(1);
    timers.queues.sendRaw('escalation', mine[0] ?? '');
    await timers.queues.drain();
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual([
      'sla_warning:first_response',
      'sla_breached:first_response',
    ]);
    await timers.settle();
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual([
      'sla_warning:first_response',
      'sla_breached:first_response',
      'sla_escalated:first_response:1',
    ]);
  });

  it('parks a poison message in the DLQ after five receives', async () => {
    timers.queues.sendRaw('escalation', '{"kind":"sla","pk":');
    setClock('2026-11-30T09:00:00+08:00');
    for (let receive = 0; receive < 5; receive++) {
      await at(new Date(Date.parse('2026-11-30T09:00:00+08:00') + receive * 61_000).toISOString());
    }
    expect(timers.queues.deadLetterBodies('escalation')).toEqual(['{"kind":"sla","pk":']);
    expect(timers.queues.peek('escalation')).not.toContain('{"kind":"sla","pk":');
  });

  it('re-dispatches a timer claimed before a restart, and applies it exactly once', async () => {
    const desk = await itDesk('sla-restart');
    setClock('2026-11-30T09:00:00+08:00');
    const ticket = await open(desk.as.desk, desk.store.id);
    setClock('2026-11-30T09:40:00+08:00'); // the warning at 09:48 is inside the look-ahead: claimed with a delay
    expect((await timers.sweep()).dispatched).toBeGreaterThan(0);
    // A restart: the in-memory queue is gone, the claim in DynamoDB is not.
    timers.stop();
    timers = await startTimerRuntime({ repoRoot, intervals: false });
    await at('2026-11-30T09:49:00+08:00');
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual([]); // still leased
    await at('2026-11-30T09:54:30+08:00'); // lease (due 09:48 + 6 min) over: sent again and applied
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual(['sla_warning:first_response']);
    await at('2026-11-30T10:00:30+08:00'); // and the breach at 10:00 follows as usual, once
    expect(await slaEvents(desk.as.desk, ticket.id)).toEqual([
      'sla_warning:first_response',
      'sla_breached:first_response',
      'sla_escalated:first_response:1',
    ]);
  });
});

describe('sweeper', () => {
  it('keeps dispatching the other timers when one send fails, and the failed one comes back after its lease', async () => {
    const { sweepDueTimers } = await import('../../shared/timers/sweeper');
    const desk = await itDesk('sla-send-failure');
    setClock('2026-11-30T09:00:00+08:00');
    const tickets = [await open(desk.as.desk, desk.store.id), await open(desk.as.desk, desk.store.id)];
    setClock('2026-11-30T09:48:10+08:00');
    const sent: string[] = [];
    let failOnce = true;
    const flaky = {
      async send(_queue: 'escalation' | 'revisit', message: { pk: string }) {
        if (failOnce && message.pk.endsWith(tickets[0]?.id ?? '')) {
          failOnce = false;
          throw new Error('SQS unavailable');
        }
        sent.push(message.pk);
      },
    };
    await sweepDueTimers(new Date(Date.parse('2026-11-30T09:48:10+08:00')), flaky);
    expect(sent.some((pk) => pk.endsWith(tickets[1]?.id ?? ''))).toBe(true);
    expect(sent.some((pk) => pk.endsWith(tickets[0]?.id ?? ''))).toBe(false);
    await sweepDueTimers(new Date(Date.parse('2026-11-30T09:50:00+08:00')), flaky);
    expect(sent.filter((pk) => pk.endsWith(tickets[0]?.id ?? ''))).toEqual([]); // still leased
    await sweepDueTimers(new Date(Date.parse('2026-11-30T09:54:30+08:00')), flaky);
    expect(sent.filter((pk) => pk.endsWith(tickets[0]?.id ?? ''))).toHaveLength(1);
  });
});
