import { describe, expect, it } from 'vitest';
import { applyKeepDeposit, applyReturn, loanTimerOf, markOverdue, newLoan } from '../../shared/lending/model';

const at = (value: string) => new Date(value);
const lent = () =>
  newLoan({
    id: '01JD0000000000000000000001',
    input: {
      storeId: '01JD0000000000000000000002',
      item: '雨伞',
      quantity: 1,
      deposit: 5000,
      currency: 'CNY',
      room: '1203',
      dueBackAt: '2026-11-28T12:00:00+08:00',
    },
    actorId: 'desk',
    now: at('2026-11-27T09:00:00+08:00'),
  });

describe('lending model', () => {
  it('newLoan, loanTimerOf: out from now, one reminder at the due-back time', () => {
    const loan = lent();
    expect(loan).toMatchObject({ status: 'out', lentAt: '2026-11-27T01:00:00.000Z', deposit: 5000 });
    expect(loanTimerOf(loan)).toEqual({ stage: 'overdue', dueAt: '2026-11-28T04:00:00.000Z' });
    const reminded = markOverdue(loan, at('2026-11-28T12:00:05+08:00'));
    expect(loanTimerOf(reminded)).toBeUndefined();
    expect(reminded.history.map((entry) => entry.what)).toEqual(['lent', 'overdue_reminded']);
  });

  it('applyReturn: the whole deposit goes back, even after a reminder; nothing after that', () => {
    const reminded = markOverdue(lent(), at('2026-11-28T12:00:05+08:00'));
    const back = applyReturn(
      reminded,
      { version: 2 },
      { actorId: 'desk', now: at('2026-11-28T13:00:00+08:00') },
    );
    expect(back).toMatchObject({ status: 'returned', depositRefunded: 5000, version: 3 });
    expect(loanTimerOf(back)).toBeUndefined();
    expect(() =>
      applyKeepDeposit(
        back,
        { version: 3, reason: 'x' },
        { actorId: 'desk', now: at('2026-11-28T13:01:00+08:00') },
      ),
    ).toThrow(/returned/);
  });

  it('applyKeepDeposit: not back at check-out keeps the deposit and ends the reminder', () => {
    const kept = applyKeepDeposit(
      lent(),
      { version: 1, reason: '退房未归还' },
      {
        actorId: 'desk',
        now: at('2026-11-28T11:00:00+08:00'),
      },
    );
    expect(kept).toMatchObject({ status: 'deposit_kept', depositRefunded: 0 });
    expect(loanTimerOf(kept)).toBeUndefined();
    expect(kept.history.at(-1)?.detail).toBe('5000 CNY: 退房未归还');
  });
});
