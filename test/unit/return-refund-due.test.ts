import { describe, expect, it } from 'vitest';
import type { EligibilityDecision } from '../../shared/after-sales/eligibility';
import {
  applyReturnStep,
  markRefundOverdue,
  openReturnCase,
  type ReturnCase,
  refundDueAt,
  refundTimerOf,
} from '../../shared/after-sales/model';
import { defaultAfterSalesPolicy } from '../../shared/after-sales/policy';
import type { CreateReturnInput, RecordReturnStepInput } from '../../shared/after-sales/schema';

/*
 * The refund's 7 days (暂行办法 art. 12: the price goes back within 7 days of receiving the goods):
 * which cases want the refund timer, when it is due, and what its firing records on the case.
 */

const id = (n: number) => `01JD${String(n).padStart(22, '0')}`;
// 11:30 on Friday 20 November in Shanghai: days 1–7 are 21–27 November, so it is late from 28 November 00:00.
const receivedAt = new Date('2026-11-20T03:30:00.000Z');
const dueAt = '2026-11-27T16:00:00.000Z';

const decision = (outcomes: EligibilityDecision['outcomes']): EligibilityDecision => ({
  kind: 'return',
  reason: 'no_reason',
  decidedOn: '2026-11-20',
  outcomes,
  requestedAllowed: true,
  refundAmount: 60_000,
  repairFee: null,
  lines: [],
  refusals: [],
  trace: [],
  policyVersion: 0,
});

const input: CreateReturnInput = {
  customerId: id(1),
  purchaseId: id(2),
  ticketId: id(3),
  items: [{ line: 1, quantity: 1, repairs: 0, daysInRepair: 0, mainPart: false }],
  kind: 'return',
  reason: 'no_reason',
  description: '',
  seriousDefect: false,
  condition: {
    labelsPresent: true,
    accessoriesComplete: true,
    packaging: 'intact',
    usedOrSoiled: false,
    damaged: false,
    installed: false,
  },
  fraudAlleged: false,
};

const opened = (outcomes: EligibilityDecision['outcomes'] = ['refund', 'exchange']) =>
  openReturnCase(
    input,
    { id: id(4), ticketId: id(3), storeId: id(5), currency: 'CNY' },
    decision(outcomes),
    'desk-user',
    new Date('2026-11-19T02:00:00.000Z'),
  );

let events = 10;
const step = (returnCase: ReturnCase, body: Record<string, unknown>, now = receivedAt, by = 'desk-user') =>
  applyReturnStep(
    returnCase,
    { version: returnCase.version, ...body } as RecordReturnStepInput,
    { ...defaultAfterSalesPolicy, refundApproval: { aboveFen: 100_000, roles: ['supervisor'] } },
    {
      actorId: by,
      roles: ['front_desk', 'supervisor'],
      eventId: id(events++),
      now,
      timeZone: 'Asia/Shanghai',
    },
  ).returnCase;

describe('applyReturnStep, refundTimerOf: the refund is due 7 days after the goods came back', () => {
  it('receive_goods for a refund sets refundDueAt to the start of the 8th local day after the receipt and wants a timer then', () => {
    const received = step(opened(), { step: 'receive_goods', outcome: 'refund' });
    expect(received.refundDueAt).toBe(dueAt);
    expect(refundTimerOf(received)).toEqual({ stage: 'refund', dueAt });
  });

  it('wants no timer before the goods are back, for an exchange, or once refunded', () => {
    const decided = opened();
    expect(refundTimerOf(decided)).toBeUndefined();
    const exchange = step(decided, { step: 'receive_goods', outcome: 'exchange' });
    expect(exchange.refundDueAt).toBeUndefined();
    expect(refundTimerOf(exchange)).toBeUndefined();
    const received = step(decided, { step: 'receive_goods', outcome: 'refund' });
    const refunded = step(
      received,
      { step: 'refund', amount: 60_000, method: 'cash', reference: 'R-1' },
      new Date('2026-11-22T00:00:00.000Z'),
    );
    expect(refunded.status).toBe('done');
    expect(refunded.refundDueAt).toBe(dueAt);
    expect(refundTimerOf(refunded)).toBeUndefined();
  });

  it('keeps the same due time through an approval (no rescheduling)', () => {
    const received = step(opened(), { step: 'receive_goods', outcome: 'refund' });
    const approved = step(
      received,
      { step: 'approve_refund', amount: 60_000 },
      new Date('2026-11-21T00:00:00.000Z'),
      'supervisor-user',
    );
    expect(refundTimerOf(approved)).toEqual(refundTimerOf(received));
  });
});

describe('refundDueAt: the 7 days are the store’s local days from the day after the receipt (民法典 art. 201, 203)', () => {
  it.each([
    ['received just after midnight', '2026-11-19T16:01:00.000Z', 'Asia/Shanghai', '2026-11-27T16:00:00.000Z'],
    [
      'received a minute before midnight',
      '2026-11-20T15:59:00.000Z',
      'Asia/Shanghai',
      '2026-11-27T16:00:00.000Z',
    ],
    [
      'received a minute later, the next local day',
      '2026-11-20T16:00:00.000Z',
      'Asia/Shanghai',
      '2026-11-28T16:00:00.000Z',
    ],
    // New York leaves daylight time on 1 November 2026: the last day ends at 00:00 EST, not EDT.
    ['across a DST change', '2026-10-28T16:00:00.000Z', 'America/New_York', '2026-11-05T05:00:00.000Z'],
  ])('%s: %s in %s → due %s', (_what, received, zone, due) => {
    expect(refundDueAt(new Date(received), zone)).toBe(due);
  });

  it('is never before the law’s end nor a day after it: more than 7 × 24 h and at most 8 × 24 h after the receipt', () => {
    const day = 86_400_000;
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      const received = new Date(Date.parse('2026-11-19T16:00:00.000Z') + minute * 60_000);
      const wait = Date.parse(refundDueAt(received, 'Asia/Shanghai')) - received.getTime();
      expect(wait).toBeGreaterThan(7 * day);
      expect(wait).toBeLessThanOrEqual(8 * day);
    }
  });
});

describe('markRefundOverdue: the notice is recorded once on the case and its timeline', () => {
  const received = step(opened(), { step: 'receive_goods', outcome: 'refund' });
  const now = new Date('2026-11-27T16:01:00.000Z');
  const { returnCase: chased, event } = markRefundOverdue(received, ['staff-a', 'staff-b'], {
    eventId: id(99),
    now,
  });

  it('shows the case overdue, names who was told, and wants no timer any more', () => {
    expect(chased).toMatchObject({
      status: 'goods_received',
      refundDueAt: dueAt,
      refundOverdue: { at: now.toISOString(), notified: ['staff-a', 'staff-b'] },
      version: received.version + 1,
    });
    expect(chased.history.at(-1)).toMatchObject({ step: 'refund_overdue', by: 'timer' });
    expect(refundTimerOf(chased)).toBeUndefined();
  });

  it('writes a refund_overdue case step on the ticket timeline', () => {
    expect(event).toMatchObject({
      kind: 'case_step',
      caseKind: 'return',
      caseId: received.id,
      ticketId: received.ticketId,
      step: 'refund_overdue',
      from: 'goods_received',
      to: 'goods_received',
      actorId: 'timer',
    });
  });

  it('still lets the refund be recorded afterwards, which ends the case', () => {
    const refunded = step(
      chased,
      { step: 'refund', amount: 60_000, method: 'cash', reference: 'R-late' },
      new Date('2026-11-28T00:00:00.000Z'),
    );
    expect(refunded).toMatchObject({ status: 'done', refundOverdue: { at: now.toISOString() } });
    expect(refundTimerOf(refunded)).toBeUndefined();
  });
});
