import { describe, expect, it } from 'vitest';
import {
  type Contribution,
  contributionsOf,
  type RevisitFact,
  sumDay,
  type TicketEventFact,
} from '../../shared/reports/contributions';
import { bucketName, estimateMedian, minuteBuckets } from '../../shared/reports/counters';
import type { RevisitHistoryEntry } from '../../shared/revisits/views';
import type { TimelineEvent } from '../../shared/tickets/views';

const store = '01JSTORE00000000000000000A';
const ticketId = '01JTICKET0000000000000000A';
const eventId = '01JEVENT00000000000000000A';
const ticket = {
  storeId: store,
  channel: 'phone',
  type: 'repair',
  priority: 'high',
  createdAt: '2026-11-23T01:00:00.000Z',
  hasSla: true,
};
// 23:30 UTC on the 23rd is 07:30 on the 24th in Shanghai: the store's local day counts.
const at = '2026-11-23T23:30:00.000Z';
const day = { storeId: store, day: '2026-11-24' };
const base = { id: eventId, ticketId, actorId: 'user-li', at };

const ticketFact = (
  event: Record<string, unknown>,
  more: Partial<Pick<TicketEventFact, 'minutesSinceOpened' | 'breachedBefore'>> & { hasSla?: boolean } = {},
): TicketEventFact => ({
  source: 'ticket_event',
  key: { tenantId: 't', source: `TICKET#${ticketId}`, part: `EVENT#${eventId}` },
  timezone: 'Asia/Shanghai',
  ticket: { ...ticket, hasSla: more.hasSla ?? true },
  event: { ...base, ...event } as TimelineEvent,
  minutesSinceOpened: more.minutesSinceOpened ?? 0,
  breachedBefore: more.breachedBefore ?? { first_response: false, resolution: false },
});

const revisitFact = (entry: Partial<RevisitHistoryEntry>, attempt?: RevisitFact['attempt']): RevisitFact => ({
  source: 'revisit',
  key: { tenantId: 't', source: 'REVISIT#r', part: 'REVISIT#H000' },
  timezone: 'Asia/Shanghai',
  storeId: store,
  entry: { at, by: 'user-wang', what: 'scheduled', ...entry } as RevisitHistoryEntry,
  ...(attempt ? { attempt } : {}),
});

const storeAndStaff = (counters: Record<string, number>, userId = 'user-li'): Contribution[] => [
  { day, counters },
  { day: { ...day, userId }, counters },
];

describe('contributionsOf', () => {
  const cases: [string, TicketEventFact | RevisitFact, Contribution[]][] = [
    [
      'created: opened by type, channel and priority as opened',
      ticketFact({ kind: 'created', number: 'SH01-20261124-0001' }),
      storeAndStaff({
        opened: 1,
        'opened.type.repair': 1,
        'opened.channel.phone': 1,
        'opened.priority.high': 1,
      }),
    ],
    [
      'created by auto-dispatch machinery: the store only',
      ticketFact({ kind: 'created', number: 'n', actorId: 'auto-dispatch' }),
      [
        {
          day,
          counters: {
            opened: 1,
            'opened.type.repair': 1,
            'opened.channel.phone': 1,
            'opened.priority.high': 1,
          },
        },
      ],
    ],
    [
      'first public comment: first response time, bucket, SLA met',
      ticketFact(
        { kind: 'comment', body: 'b', visibility: 'public', firstResponse: true },
        { minutesSinceOpened: 20 },
      ),
      storeAndStaff({
        'firstResponse.count': 1,
        'firstResponse.minutes': 20,
        'firstResponse.le30': 1,
        'sla.firstResponse.met': 1,
      }),
    ],
    [
      'first response after a breach: not met',
      ticketFact(
        { kind: 'comment', body: 'b', visibility: 'public', firstResponse: true },
        { minutesSinceOpened: 90, breachedBefore: { first_response: true, resolution: false } },
      ),
      storeAndStaff({ 'firstResponse.count': 1, 'firstResponse.minutes': 90, 'firstResponse.le120': 1 }),
    ],
    [
      'a ticket without SLA: no met counter',
      ticketFact(
        { kind: 'comment', body: 'b', visibility: 'public', firstResponse: true },
        { minutesSinceOpened: 5, hasSla: false },
      ),
      storeAndStaff({ 'firstResponse.count': 1, 'firstResponse.minutes': 5, 'firstResponse.le15': 1 }),
    ],
    [
      'other comments count nothing',
      ticketFact({ kind: 'comment', body: 'b', visibility: 'internal', firstResponse: false }),
      [],
    ],
    [
      'resolved: resolution time, SLA met',
      ticketFact(
        { kind: 'status_changed', from: 'in_progress', to: 'resolved' },
        { minutesSinceOpened: 3000 },
      ),
      storeAndStaff({
        resolved: 1,
        'resolution.count': 1,
        'resolution.minutes': 3000,
        'resolution.le4320': 1,
        'sla.resolution.resolved': 1,
        'sla.resolution.met': 1,
      }),
    ],
    [
      'resolved beyond a week, after a breach',
      ticketFact(
        { kind: 'status_changed', from: 'in_progress', to: 'resolved' },
        { minutesSinceOpened: 20_000, breachedBefore: { first_response: false, resolution: true } },
      ),
      storeAndStaff({
        resolved: 1,
        'resolution.count': 1,
        'resolution.minutes': 20_000,
        'resolution.gt10080': 1,
        'sla.resolution.resolved': 1,
      }),
    ],
    [
      'reopened',
      ticketFact({ kind: 'status_changed', from: 'resolved', to: 'in_progress' }),
      storeAndStaff({ reopened: 1 }),
    ],
    [
      'closed',
      ticketFact({ kind: 'status_changed', from: 'resolved', to: 'closed' }),
      storeAndStaff({ closed: 1 }),
    ],
    [
      'cancelled',
      ticketFact({ kind: 'status_changed', from: 'new', to: 'cancelled' }),
      storeAndStaff({ cancelled: 1 }),
    ],
    [
      'in progress counts nothing',
      ticketFact({ kind: 'status_changed', from: 'assigned', to: 'in_progress' }),
      [],
    ],
    [
      'SLA breach per clock, by the timer: the store only',
      ticketFact({ kind: 'sla_breached', clock: 'resolution', dueAt: at, notified: [], actorId: 'sla' }),
      [{ day, counters: { 'sla.resolution.breached': 1 } }],
    ],
    [
      'SLA warning per clock',
      ticketFact({ kind: 'sla_warning', clock: 'first_response', dueAt: at, notified: [], actorId: 'sla' }),
      [{ day, counters: { 'sla.firstResponse.warned': 1 } }],
    ],
    [
      'escalation',
      ticketFact({
        kind: 'sla_escalated',
        clock: 'resolution',
        dueAt: at,
        level: 1,
        notified: [],
        actorId: 'sla-escalation',
      }),
      [{ day, counters: { escalations: 1 } }],
    ],
    ['assignment counts nothing', ticketFact({ kind: 'assigned', from: null, to: store, auto: false }), []],
    [
      'revisit due (timer)',
      revisitFact({ what: 'due', by: 'timer' }),
      [{ day, counters: { 'revisits.due': 1 } }],
    ],
    [
      'revisit attempt reached with a score',
      revisitFact({ what: 'attempt', detail: 'reached' }, { outcome: 'reached', satisfaction: 4 }),
      storeAndStaff(
        {
          'revisits.attempts': 1,
          'revisits.attempts.reached': 1,
          'satisfaction.4': 1,
          'satisfaction.count': 1,
          'satisfaction.sum': 4,
        },
        'user-wang',
      ),
    ],
    [
      'revisit attempt unreachable',
      revisitFact({ what: 'attempt', detail: 'unreachable' }, { outcome: 'unreachable' }),
      storeAndStaff({ 'revisits.attempts': 1, 'revisits.attempts.unreachable': 1 }, 'user-wang'),
    ],
    ['revisit done', revisitFact({ what: 'done' }), storeAndStaff({ 'revisits.done': 1 }, 'user-wang')],
    ['revisit failed', revisitFact({ what: 'failed' }), storeAndStaff({ 'revisits.failed': 1 }, 'user-wang')],
    ['revisit scheduled counts nothing', revisitFact({ what: 'scheduled' }), []],
  ];

  it.each(cases)('%s', (_, fact, expected) => {
    expect(contributionsOf(fact)).toEqual(expected);
  });

  it('sumDay adds the facts of one store-day, per staff member apart', () => {
    const facts = [
      ticketFact({ kind: 'created', number: 'n' }),
      ticketFact({ kind: 'status_changed', from: 'resolved', to: 'closed' }),
      revisitFact({ what: 'done' }),
      // Another day: left out.
      ticketFact({ kind: 'status_changed', from: 'new', to: 'cancelled', at: '2026-11-24T17:00:00.000Z' }),
    ];
    expect(sumDay(facts, store, '2026-11-24')).toEqual({
      store: {
        opened: 1,
        'opened.type.repair': 1,
        'opened.channel.phone': 1,
        'opened.priority.high': 1,
        closed: 1,
        'revisits.done': 1,
      },
      staff: {
        'user-li': {
          opened: 1,
          'opened.type.repair': 1,
          'opened.channel.phone': 1,
          'opened.priority.high': 1,
          closed: 1,
        },
        'user-wang': { 'revisits.done': 1 },
      },
    });
  });
});

describe('duration buckets', () => {
  it('put a sample in the first bucket whose upper bound it does not exceed', () => {
    expect(bucketName(0)).toBe('le15');
    expect(bucketName(15)).toBe('le15');
    expect(bucketName(16)).toBe('le30');
    expect(bucketName(10_080)).toBe('le10080');
    expect(bucketName(10_081)).toBe('gt10080');
    expect(minuteBuckets).toHaveLength(11);
  });

  it('estimate the median as the upper bound of the middle sample’s bucket', () => {
    expect(estimateMedian({}, 'firstResponse')).toBeUndefined();
    // Samples 10, 20, 25, 100, 5000: the 3rd lies in le30.
    const counters = {
      'firstResponse.count': 5,
      'firstResponse.le15': 1,
      'firstResponse.le30': 2,
      'firstResponse.le120': 1,
      'firstResponse.le10080': 1,
    };
    expect(estimateMedian(counters, 'firstResponse')).toBe(30);
    // Two samples: the 1st is the middle one.
    expect(estimateMedian({ 'x.count': 2, 'x.le60': 1, 'x.gt10080': 1 }, 'x')).toBe(60);
    expect(estimateMedian({ 'x.count': 1, 'x.gt10080': 1 }, 'x')).toBeNull();
  });
});
