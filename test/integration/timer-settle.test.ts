import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// DEBUG_TIMERS=1 shows the timer steps this file drives.
vi.hoisted(() => {
  process.env.LOG_LEVEL = process.env.DEBUG_TIMERS ? 'DEBUG' : 'SILENT';
});

import { startTimerRuntime, type TimerRuntime } from '../../infra/local/timer-runtime';
import type { Page } from '../../shared/db/cursor';
import type { Ticket, TimelineEvent } from '../../shared/tickets/views';
import { setClockOffset } from '../../shared/time/clock';
import { itDeskPolicies, weekdaysNineToSix } from '../kit/bodies';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { type Caller, invoke } from '../kit/invoke';

const repoRoot = new URL('../..', import.meta.url).pathname;
const setClock = (iso: string) => setClockOffset(Date.parse(iso) - Date.now());
const week = weekdaysNineToSix();
const policies = itDeskPolicies(480);
/** Several settles against DynamoDB Local: generous for a busy 2-core machine, never a timing assertion. */
const settleTestTimeout = 180_000;
const breachedAndEscalated = [
  'sla_warning:first_response',
  'sla_breached:first_response',
  'sla_escalated:first_response:1',
];

let timers: TimerRuntime;
let desk: DeskFixture;
beforeAll(async () => {
  timers = await startTimerRuntime({ repoRoot, intervals: false });
  desk = await deskFixture('settle');
  expect((await invoke('putSlaPolicies', { caller: desk.admin, body: policies })).status).toBe(200);
  const calendar = await invoke('putStoreCalendar', {
    caller: desk.admin,
    params: { storeId: desk.store.id },
    body: { weekly: week },
  });
  expect(calendar.status).toBe(200);
}, settleTestTimeout);
afterAll(() => timers.stop());
afterEach(() => setClockOffset(0));

const open = async () => {
  const result = await invoke<Ticket>('createTicket', {
    caller: desk.as.desk,
    body: { storeId: desk.store.id, type: 'it_request', channel: 'phone', subject: '邮箱收不到邮件' },
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

describe('settling timer work after a clock change', () => {
  it(
    'waits for a delivery another drain has in hand, and for the timer work that delivery schedules',
    async () => {
      setClock('2026-11-30T09:00:00+08:00');
      const ticket = await open();
      setClock('2026-11-30T09:59:00+08:00');
      await timers.settle();
      // The 09:59 sweep claimed the 10:00 breach and sent it with a delay (look-ahead).
      expect(await slaEvents(desk.as.desk, ticket.id)).toEqual(['sla_warning:first_response']);
      setClock('2026-11-30T10:00:30+08:00');
      // The background poller takes the breach first; its consumer then schedules level 1, due
      // now. The settle started beside it must not answer before that escalation has run too.
      const background = timers.queues.drain();
      await timers.settle();
      expect(await slaEvents(desk.as.desk, ticket.id)).toEqual(breachedAndEscalated);
      await background;
    },
    settleTestTimeout,
  );

  it(
    'settles every ticket with sweeps and a drain running beside it',
    async () => {
      setClock('2026-11-30T09:00:00+08:00');
      const tickets = [await open(), await open(), await open()];
      setClock('2026-11-30T10:00:30+08:00'); // warning, breach and level 1 all due, nothing claimed yet
      const background = [timers.sweep(), timers.queues.drain(), timers.sweep()];
      await timers.settle();
      for (const ticket of tickets) {
        expect(await slaEvents(desk.as.desk, ticket.id)).toEqual(breachedAndEscalated);
      }
      await Promise.all(background);
    },
    settleTestTimeout,
  );

  it(
    'answers without waiting for work due after the clock: delayed messages and invisible retries stay put',
    async () => {
      setClock('2026-11-30T09:00:00+08:00');
      const ticket = await open();
      setClock('2026-11-30T09:47:00+08:00'); // the 09:48 warning is claimed and sent with a delay
      await timers.settle();
      expect(await slaEvents(desk.as.desk, ticket.id)).toEqual([]);
      expect(timers.queues.peek('escalation').some((body) => body.includes(ticket.id))).toBe(true);
      timers.queues.failNextInvocations('escalation', 1);
      setClock('2026-11-30T09:48:10+08:00'); // due now; the first invocation crashes
      await timers.settle(); // and the retry waits out its visibility timeout on the clock
      expect(await slaEvents(desk.as.desk, ticket.id)).toEqual([]);
      setClock('2026-11-30T09:49:20+08:00');
      await timers.settle();
      expect(await slaEvents(desk.as.desk, ticket.id)).toEqual(['sla_warning:first_response']);
    },
    settleTestTimeout,
  );
});
