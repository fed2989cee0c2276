import { describe, expect, it } from 'vitest';
import { roundTheClock } from '../../shared/calendar/business-time';
import type { BusinessCalendar } from '../../shared/calendar/views';
import {
  addToDay,
  defaultRevisitRules,
  openingOn,
  planPostService,
  planPurchaseRevisits,
} from '../../shared/revisits/planning';
import { putRevisitRulesInput } from '../../shared/revisits/schema';
import { weekdaysNineToSix } from '../kit/bodies';

const mallHours = [{ start: '10:00', end: '22:00' }];
const mall: BusinessCalendar = {
  ...roundTheClock('Asia/Shanghai'),
  weekly: {
    mon: mallHours,
    tue: mallHours,
    wed: mallHours,
    thu: mallHours,
    fri: mallHours,
    sat: mallHours,
    sun: mallHours,
  },
  holidays: ['2026-12-09'],
};
const repairCentre: BusinessCalendar = {
  ...roundTheClock('Asia/Shanghai'),
  weekly: weekdaysNineToSix(),
  holidays: ['2026-12-07'],
};
const iso = (value: string) => new Date(value).toISOString();

describe('revisit planning', () => {
  it('adds days and months to dates, clamping months to their end', () => {
    expect(addToDay('2026-11-22', { days: 7 })).toBe('2026-11-29');
    expect(addToDay('2026-01-31', { months: 1 })).toBe('2026-02-28');
    expect(addToDay('2026-11-22', { months: 12, days: -30 })).toBe('2027-10-23');
  });

  it('is due at the store’s opening on the day, or the next opening when closed', () => {
    expect(openingOn(mall, '2026-11-29').toISOString()).toBe(iso('2026-11-29T10:00:00+08:00'));
    expect(openingOn(mall, '2026-12-09').toISOString()).toBe(iso('2026-12-10T10:00:00+08:00'));
  });

  it('plans post-sale at delivery + 7 days and warranty revisits 30 days before each warranty end', () => {
    const planned = planPurchaseRevisits(
      {
        purchasedOn: '2026-11-20',
        deliveredOn: '2026-11-22',
        items: [
          { name: '沙发', category: 'furniture', quantity: 1, amount: 100, warrantyMonths: 36 },
          { name: '茶几', category: 'furniture', quantity: 1, amount: 100, warrantyMonths: 12 },
          { name: '靠垫', category: 'textile', quantity: 2, amount: 100, warrantyMonths: 0 },
          { name: '边几', category: 'furniture', quantity: 1, amount: 100, warrantyMonths: 12 },
        ],
      },
      defaultRevisitRules,
      mall,
      new Date('2026-11-22T12:00:00+08:00'),
    );
    expect(planned.map((revisit) => `${revisit.kind}@${revisit.dueAt.toISOString()}`)).toEqual([
      `post_sale@${iso('2026-11-29T10:00:00+08:00')}`,
      `warranty_expiry@${iso('2027-10-23T10:00:00+08:00')}`,
      `warranty_expiry@${iso('2029-10-23T10:00:00+08:00')}`,
    ]);
  });

  it('adds periodic revisits while under warranty when switched on, and none already past', () => {
    const rules = { ...defaultRevisitRules, periodic: { enabled: true, everyMonths: 6 } };
    const planned = planPurchaseRevisits(
      {
        purchasedOn: '2026-11-22',
        items: [{ name: '电脑', category: 'pc', quantity: 1, amount: 1, warrantyMonths: 24 }],
      },
      rules,
      mall,
      new Date('2026-11-22T12:00:00+08:00'),
    );
    expect(planned.map((revisit) => revisit.kind)).toEqual([
      'post_sale',
      'periodic',
      'periodic',
      'periodic',
      'warranty_expiry',
    ]);
    const late = planPurchaseRevisits(
      {
        purchasedOn: '2020-01-01',
        items: [{ name: '旧电视', category: 'tv', quantity: 1, amount: 1, warrantyMonths: 12 }],
      },
      defaultRevisitRules,
      mall,
      new Date('2026-11-22T12:00:00+08:00'),
    );
    expect(late.map((revisit) => revisit.kind)).toEqual(['post_sale']);
    expect(late[0]?.dueAt.toISOString()).toBe(iso('2026-11-22T12:00:00+08:00'));
  });

  it('plans a post-service revisit five working days after resolution, skipping weekend and holiday', () => {
    // Resolved Wednesday 2 Dec; Sat/Sun and Monday 7 Dec (holiday) do not count: 3,4,8,9,10 → Thursday 10 Dec.
    expect(
      planPostService(defaultRevisitRules, repairCentre, new Date('2026-12-02T15:00:00+08:00')).toISOString(),
    ).toBe(iso('2026-12-10T09:00:00+08:00'));
  });
});

describe('the default revisit rules (defaultRevisitRules)', () => {
  it('are what the rules’ schema fills in for an empty body (7 days, 30 days, 5 working days, periodic off)', () => {
    expect({ ...putRevisitRulesInput.parse({}), version: 0 }).toEqual(defaultRevisitRules);
    expect(defaultRevisitRules).toMatchObject({
      postSale: { daysAfterDelivery: 7 },
      warrantyExpiry: { daysBeforeEnd: 30 },
      postService: { workingDaysAfterResolution: 5 },
      periodic: { enabled: false },
    });
  });
});
