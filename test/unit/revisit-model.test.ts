import { describe, expect, it } from 'vitest';
import { roundTheClock } from '../../shared/calendar/business-time';
import type { BusinessCalendar } from '../../shared/calendar/views';
import { applyAttempt } from '../../shared/revisits/model';
import type { Revisit } from '../../shared/revisits/views';
import { weekdaysNineToSix } from '../kit/bodies';

const repairCentre: BusinessCalendar = {
  ...roundTheClock('Asia/Shanghai'),
  weekly: weekdaysNineToSix(),
  holidays: ['2026-12-07'],
};
const iso = (value: string) => new Date(value).toISOString();

describe('revisit attempts', () => {
  const revisit: Revisit = {
    id: '01M8CFFT6Y7X6KEP96DAQR4VCV',
    customerId: '01M8CFFT6Y7X6KEP96DAQR4VCW',
    storeId: '01M8CFFSPPM7KHC0J6FQ7N11K4',
    kind: 'post_sale',
    purpose: 'call',
    dueAt: iso('2026-12-04T09:00:00+08:00'),
    status: 'due',
    assigneeId: null,
    attempts: [],
    history: [],
    createdAt: iso('2026-11-27T09:00:00+08:00'),
    updatedAt: iso('2026-11-27T09:00:00+08:00'),
    version: 2,
  };
  const context = (at: string) => ({ actorId: 'desk', now: new Date(at), calendar: repairCentre });

  it('retries an unreachable customer on the next working day, and fails on the third try', () => {
    const first = applyAttempt(revisit, { outcome: 'unreachable' }, context('2026-12-04T16:00:00+08:00'));
    expect(first.revisit).toMatchObject({ status: 'scheduled', dueAt: iso('2026-12-08T09:00:00+08:00') }); // Fri → Tue (Mon is a holiday)
    const second = applyAttempt(
      { ...first.revisit, status: 'due' },
      { outcome: 'unreachable' },
      context('2026-12-08T10:00:00+08:00'),
    );
    expect(second.revisit.status).toBe('scheduled');
    const third = applyAttempt(
      { ...second.revisit, status: 'due' },
      { outcome: 'unreachable' },
      context('2026-12-09T10:00:00+08:00'),
    );
    expect(third.revisit.status).toBe('failed');
    expect(third.revisit.attempts).toHaveLength(3);
  });

  it('closes on reaching the customer, asking for a follow-up only at 1–2', () => {
    expect(
      applyAttempt(revisit, { outcome: 'reached', satisfaction: 5 }, context('2026-12-04T10:00:00+08:00')),
    ).toMatchObject({
      revisit: { status: 'done', satisfaction: 5 },
      followUpNeeded: false,
    });
    expect(
      applyAttempt(revisit, { outcome: 'reached', satisfaction: 2 }, context('2026-12-04T10:00:00+08:00'))
        .followUpNeeded,
    ).toBe(true);
    expect(
      applyAttempt(revisit, { outcome: 'refused' }, context('2026-12-04T10:00:00+08:00')).revisit.status,
    ).toBe('done');
    expect(() =>
      applyAttempt(
        { ...revisit, status: 'done' },
        { outcome: 'reached' },
        context('2026-12-04T10:00:00+08:00'),
      ),
    ).toThrow('takes no more changes');
  });
});
