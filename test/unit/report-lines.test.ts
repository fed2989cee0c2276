import { describe, expect, it } from 'vitest';
import {
  type Contribution,
  contributionsOf,
  type LineFact,
  sumDay,
  type TicketEventFact,
} from '../../shared/reports/contributions';
import { lineFactsOf } from '../../shared/reports/lines';
import type { TimelineEvent } from '../../shared/tickets/views';

const store = '01JSTORE00000000000000000A';
const tz = 'Asia/Shanghai';
// 23:30 UTC on the 23rd is 07:30 on the 24th in Shanghai: the store's local day counts.
const at = '2026-11-23T23:30:00.000Z';
const day = { storeId: store, day: '2026-11-24' };
const both = (counters: Record<string, number>, userId: string): Contribution[] => [
  { day, counters },
  { day: { ...day, userId }, counters },
];
const storeOnly = (counters: Record<string, number>): Contribution[] => [{ day, counters }];

/** An item as stored: keys, tag, store. */
const stored = (entity: string, pk: string, sk: string, fields: Record<string, unknown>) => ({
  pk: `T#t1#${pk}`,
  sk,
  entity,
  storeId: store,
  ...fields,
});

const line = (fact: Partial<LineFact> & Pick<LineFact, 'subject' | 'what'>): LineFact => ({
  source: 'line',
  key: { tenantId: 't1', source: 'X#1', part: 'X#H000' },
  timezone: tz,
  storeId: store,
  at,
  by: 'user-li',
  detail: {},
  ...fact,
});

describe('lineFactsOf', () => {
  it('a return case: one fact per history line, keyed by the item and line, with what the line fixed', () => {
    const item = stored('return_case', 'RETURN#r1', 'RETURN', {
      kind: 'return',
      reason: 'no_reason',
      refund: { amount: 12_800, method: 'cash', reference: 'R1', by: 'user-wang', at },
      history: [
        { step: 'decided', from: 'decided', to: 'decided', by: 'user-li', at },
        { step: 'receive_goods', from: 'decided', to: 'goods_received', by: 'user-li', at },
        { step: 'refund', from: 'goods_received', to: 'done', by: 'user-wang', at },
      ],
    });
    const facts = lineFactsOf('t1', item, tz);
    expect(facts.map((fact) => [fact.key.source, fact.key.part, fact.what, fact.detail])).toEqual([
      ['RETURN#r1', 'RETURN#H000', 'decided', { kind: 'return', reason: 'no_reason' }],
      ['RETURN#r1', 'RETURN#H001', 'receive_goods', {}],
      ['RETURN#r1', 'RETURN#H002', 'refund', { refundAmount: 12_800 }],
    ]);
    expect(facts[0]).toMatchObject({ source: 'line', subject: 'return_case', storeId: store, timezone: tz });
    expect(sumDay(facts, store, '2026-11-24').store).toEqual({
      'returns.opened': 1,
      'returns.opened.return': 1,
      'returns.reason.no_reason': 1,
      'returns.finished': 1,
      'returns.outcome.refund': 1,
      'returns.refunded.amount': 12_800,
    });
  });

  it('a complaint: its dated fields are its lines; the score is credited to who recorded the remedy', () => {
    const item = stored('complaint', 'COMPLAINT#c1', 'COMPLAINT', {
      respondent: { kind: 'staff', id: 'STAFF1' },
      createdBy: 'user-desk',
      createdAt: at,
      judgement: { validity: 'partly_valid', reason: 'r', by: 'user-sup', at },
      remedy: { result: 'x', remedy: 'y', amount: 5_000, by: 'user-handler', at },
      feedback: { at, method: 'phone', content: 'c', by: 'user-handler' },
      satisfaction: { score: 4, by: 'user-desk', at },
    });
    const facts = lineFactsOf('t1', item, tz);
    expect(facts.map((fact) => fact.key.part)).toEqual([
      'COMPLAINT#registered',
      'COMPLAINT#judged',
      'COMPLAINT#remedied',
      'COMPLAINT#fed_back',
      'COMPLAINT#satisfaction',
    ]);
    expect(sumDay(facts, store, '2026-11-24')).toEqual({
      store: {
        'complaints.opened': 1,
        'complaints.respondent.staff': 1,
        'complaints.against.STAFF1': 1,
        'complaints.validity.partly_valid': 1,
        'complaints.validity.partly_valid.staff': 1,
        'complaints.remedied': 1,
        'complaints.remedy.amount': 5_000,
        'complaints.fedBack': 1,
        'complaints.satisfaction.4': 1,
        'complaints.satisfaction.count': 1,
        'complaints.satisfaction.sum': 4,
      },
      staff: {
        // Who registered it is not who it is against: 被投诉 stays on the store's day, by staff id.
        'user-desk': { 'complaints.opened': 1, 'complaints.respondent.staff': 1 },
        'user-sup': { 'complaints.validity.partly_valid': 1, 'complaints.validity.partly_valid.staff': 1 },
        'user-handler': {
          'complaints.remedied': 1,
          'complaints.remedy.amount': 5_000,
          'complaints.fedBack': 1,
          'complaints.satisfaction.4': 1,
          'complaints.satisfaction.count': 1,
          'complaints.satisfaction.sum': 4,
        },
      },
    });
  });

  it('a complaint just registered against a merchant: one line, no one complained about on staff', () => {
    const item = stored('complaint', 'COMPLAINT#c2', 'COMPLAINT', {
      respondent: { kind: 'merchant', id: 'M1' },
      createdBy: 'user-desk',
      createdAt: at,
    });
    const facts = lineFactsOf('t1', item, tz);
    expect(facts).toHaveLength(1);
    expect(facts.flatMap(contributionsOf)).toEqual(
      both({ 'complaints.opened': 1, 'complaints.respondent.merchant': 1 }, 'user-desk'),
    );
  });

  it('a wake-up call: done carries how it ended; the timer’s lines count for the store only', () => {
    const item = stored('wake_up_call', 'WAKE_UP#w1', 'WAKE_UP', {
      closedAs: 'visited',
      history: [
        { at, by: 'user-li', what: 'requested' },
        { at, by: 'timer', what: 'told' },
        { at, by: 'timer', what: 'escalated' },
        { at, by: 'user-li', what: 'done' },
      ],
    });
    expect(sumDay(lineFactsOf('t1', item, tz), store, '2026-11-24')).toEqual({
      store: { 'wakeUps.requested': 1, 'wakeUps.escalated': 1, 'wakeUps.done': 1, 'wakeUps.done.visited': 1 },
      staff: { 'user-li': { 'wakeUps.requested': 1, 'wakeUps.done': 1, 'wakeUps.done.visited': 1 } },
    });
  });

  it('front-office ledgers: each line kind is its own counter', () => {
    const ledger = (entity: string, prefix: string, whats: string[]) =>
      lineFactsOf(
        't1',
        stored(entity, `${prefix}#1`, prefix, {
          history: whats.map((what) => ({ at, by: 'user-li', what })),
        }),
        tz,
      );
    const facts = [
      ...ledger('guest_message', 'GUEST_MESSAGE', ['taken', 'delivered']),
      ...ledger('luggage', 'LUGGAGE', ['stored', 'picked_up']),
      ...ledger('lost_item', 'LOST_ITEM', ['found', 'claimed']),
      ...ledger('loan', 'LOAN', ['lent', 'returned', 'deposit_refunded']),
      ...ledger('safe_box', 'SAFE_BOX', ['opened', 'accessed', 'accessed', 'closed', 'key_not_returned']),
    ];
    expect(sumDay(facts, store, '2026-11-24').store).toEqual({
      'messages.taken': 1,
      'messages.delivered': 1,
      'luggage.stored': 1,
      'luggage.picked_up': 1,
      'lostItems.found': 1,
      'lostItems.claimed': 1,
      'loans.lent': 1,
      'loans.returned': 1,
      'loans.deposit_refunded': 1,
      'safeBoxes.opened': 1,
      'safeBoxes.accessed': 2,
      'safeBoxes.closed': 1,
      'safeBoxes.key_not_returned': 1,
    });
    // Each access is its own line (its position in the access log), so two accesses are two facts.
    expect(facts.filter((fact) => fact.subject === 'safe_box').map((fact) => fact.key.part)).toEqual([
      'SAFE_BOX#H000',
      'SAFE_BOX#H001',
      'SAFE_BOX#H002',
      'SAFE_BOX#H003',
      'SAFE_BOX#H004',
    ]);
  });

  it('an item of another kind has no line facts', () => {
    expect(lineFactsOf('t1', stored('merchant', 'MERCHANT#1', 'MERCHANT', { history: [] }), tz)).toEqual([]);
  });
});

describe('contributionsOf: case and ledger lines', () => {
  const cases: [string, LineFact, Contribution[]][] = [
    [
      'exchange handed over',
      line({ subject: 'return_case', what: 'hand_over_replacement' }),
      both({ 'returns.finished': 1, 'returns.outcome.exchange': 1 }, 'user-li'),
    ],
    [
      'return turned into a repair',
      line({ subject: 'return_case', what: 'choose_repair' }),
      both({ 'returns.finished': 1, 'returns.outcome.repair': 1 }, 'user-li'),
    ],
    [
      'return refused',
      line({ subject: 'return_case', what: 'refuse' }),
      both({ 'returns.finished': 1, 'returns.outcome.refused': 1 }, 'user-li'),
    ],
    [
      'refusal overridden',
      line({ subject: 'return_case', what: 'override' }),
      both({ 'returns.overrides': 1 }, 'user-li'),
    ],
    ['goods received counts nothing', line({ subject: 'return_case', what: 'receive_goods' }), []],
    [
      'repair registered, by mode',
      line({ subject: 'repair_case', what: 'registered', detail: { mode: 'mail_in' } }),
      both({ 'repairs.opened': 1, 'repairs.opened.mail_in': 1 }, 'user-li'),
    ],
    [
      'on-site repair finished by the visit',
      line({ subject: 'repair_case', what: 'visit', detail: { mode: 'on_site' } }),
      both({ 'repairs.finished': 1, 'repairs.finished.on_site': 1 }, 'user-li'),
    ],
    [
      'mail-in repair finished on delivery',
      line({ subject: 'repair_case', what: 'deliver', detail: { mode: 'mail_in' } }),
      both({ 'repairs.finished': 1, 'repairs.finished.mail_in': 1 }, 'user-li'),
    ],
    [
      'mail-in goods delivered back unrepaired after a declined quote count nothing more',
      line({ subject: 'repair_case', what: 'deliver', detail: { mode: 'mail_in', unrepaired: 1 } }),
      [],
    ],
    [
      'quote declined',
      line({ subject: 'repair_case', what: 'decline', detail: { mode: 'mail_in' } }),
      both({ 'repairs.declined': 1 }, 'user-li'),
    ],
    [
      'stalled quote reminded by the timer: the store only',
      line({ subject: 'repair_case', what: 'stalled_quote', by: 'timer', detail: { mode: 'mail_in' } }),
      storeOnly({ 'repairs.stalled': 1 }),
    ],
    [
      'repair shipped counts nothing',
      line({ subject: 'repair_case', what: 'ship', detail: { mode: 'mail_in' } }),
      [],
    ],
    [
      'complaint judged not valid, about a product',
      line({
        subject: 'complaint',
        what: 'judged',
        detail: { validity: 'not_valid', respondent: 'product' },
      }),
      both({ 'complaints.validity.not_valid': 1, 'complaints.validity.not_valid.product': 1 }, 'user-li'),
    ],
    [
      'complaint remedy without money',
      line({ subject: 'complaint', what: 'remedied', detail: {} }),
      both({ 'complaints.remedied': 1 }, 'user-li'),
    ],
    [
      'wake-up call cancelled',
      line({ subject: 'wake_up_call', what: 'cancelled' }),
      both({ 'wakeUps.cancelled': 1 }, 'user-li'),
    ],
    [
      'wake-up call told (timer) counts nothing',
      line({ subject: 'wake_up_call', what: 'told', by: 'timer' }),
      [],
    ],
    [
      'luggage unclaimed reminder (timer)',
      line({ subject: 'luggage', what: 'unclaimed_reminded', by: 'timer' }),
      storeOnly({ 'luggage.unclaimed_reminded': 1 }),
    ],
  ];

  it.each(cases)('%s', (_, fact, expected) => {
    expect(contributionsOf(fact)).toEqual(expected);
  });
});

describe('contributionsOf: compensation claims (先行赔付) from their ticket events', () => {
  const event = (step: string, amount: number): TicketEventFact => ({
    source: 'ticket_event',
    key: { tenantId: 't1', source: 'TICKET#1', part: 'EVENT#1' },
    timezone: tz,
    ticket: {
      storeId: store,
      channel: 'walk_in',
      type: 'compensation',
      priority: 'normal',
      createdAt: at,
      hasSla: false,
    },
    event: {
      id: '01JEVENT00000000000000000A',
      ticketId: '01JTICKET0000000000000000A',
      kind: 'compensation',
      claimId: '01JCLAIM00000000000000000A',
      step,
      amount,
      actorId: 'user-mgr',
      at,
    } as TimelineEvent,
    minutesSinceOpened: 0,
    breachedBefore: { first_response: false, resolution: false },
  });
  const cases: [string, number, Record<string, number>][] = [
    ['requested', 30_000, { 'compensation.claimed': 1, 'compensation.claimed.amount': 30_000 }],
    ['approved', 30_000, { 'compensation.approved': 1, 'compensation.approved.amount': 30_000 }],
    ['rejected', 30_000, { 'compensation.rejected': 1 }],
    ['paid', 30_000, { 'compensation.paid': 1, 'compensation.paid.amount': 30_000 }],
    ['recovered', 30_000, { 'compensation.recovered': 1, 'compensation.recovered.amount': 30_000 }],
    ['settled', 12_000, { 'compensation.settled': 1, 'compensation.settled.amount': 12_000 }],
  ];
  it.each(cases)('%s', (step, amount, counters) => {
    expect(contributionsOf(event(step, amount))).toEqual(both(counters, 'user-mgr'));
  });
  it('an approval step or a reminder counts nothing', () => {
    expect(contributionsOf(event('approval', 1))).toEqual([]);
    expect(contributionsOf(event('reminded', 1))).toEqual([]);
  });
});
