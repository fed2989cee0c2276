import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  addWorkingDays,
  businessMinutesBetween,
  ClosedCalendarError,
  roundTheClock,
} from '../../shared/calendar/business-time';
import type { BusinessCalendar } from '../../shared/calendar/views';
import { weekdaysNineToSix } from '../kit/bodies';

const itDesk = (extra: Partial<BusinessCalendar> = {}): BusinessCalendar => ({
  timezone: 'Asia/Shanghai',
  weekly: weekdaysNineToSix(),
  holidays: [],
  makeUpWorkingDays: [],
  version: 1,
  ...extra,
});
const mallHours = [{ start: '10:00', end: '22:00' }];
const mall: BusinessCalendar = {
  timezone: 'Asia/Shanghai',
  weekly: {
    mon: mallHours,
    tue: mallHours,
    wed: mallHours,
    thu: mallHours,
    fri: mallHours,
    sat: mallHours,
    sun: mallHours,
  },
  holidays: [
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  makeUpWorkingDays: [],
  version: 1,
};
const at = (iso: string) => new Date(iso);

describe('business time: worked examples', () => {
  it('an IT desk ticket opened Friday 17:50 with a 60-minute target is due Monday 09:50', () => {
    expect(addBusinessMinutes(itDesk(), at('2026-11-27T17:50:00+08:00'), 60).toISOString()).toBe(
      at('2026-11-30T09:50:00+08:00').toISOString(),
    );
    expect(
      businessMinutesBetween(itDesk(), at('2026-11-27T17:50:00+08:00'), at('2026-11-30T09:50:00+08:00')),
    ).toBe(60);
  });

  it('a holiday inside a deadline does not count: the mall closes for 国庆 and the clock stops', () => {
    // 60 minutes on 30 Sep, the golden week closed, 60 more on 8 Oct.
    expect(addBusinessMinutes(mall, at('2026-09-30T21:00:00+08:00'), 120).toISOString()).toBe(
      at('2026-10-08T11:00:00+08:00').toISOString(),
    );
  });

  it('a 调休 Saturday is a working day with Monday’s hours', () => {
    const calendar = itDesk({
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
      makeUpWorkingDays: ['2026-10-10'],
    });
    expect(addBusinessMinutes(calendar, at('2026-10-09T17:30:00+08:00'), 60).toISOString()).toBe(
      at('2026-10-10T09:30:00+08:00').toISOString(),
    );
    expect(addWorkingDays(calendar, at('2026-09-30T12:00:00+08:00'), 1).toISOString()).toBe(
      at('2026-10-09T09:00:00+08:00').toISOString(),
    );
    expect(addWorkingDays(calendar, at('2026-10-09T12:00:00+08:00'), 1).toISOString()).toBe(
      at('2026-10-10T09:00:00+08:00').toISOString(),
    );
  });

  it('counts real minutes across a DST change (Europe/Berlin, spring forward 29 March 2026)', () => {
    const berlin = roundTheClock('Europe/Berlin');
    // 01:30 CET + 60 minutes is 03:30 CEST: 02:00–03:00 never happens.
    expect(addBusinessMinutes(berlin, at('2026-03-29T01:30:00+01:00'), 60).toISOString()).toBe(
      at('2026-03-29T03:30:00+02:00').toISOString(),
    );
    expect(
      businessMinutesBetween(berlin, at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00')),
    ).toBe(23 * 60);
    const nightShift = {
      ...berlin,
      weekly: { ...berlin.weekly, sun: [{ start: '01:00', end: '04:00' }] },
    };
    expect(
      businessMinutesBetween(nightShift, at('2026-03-29T00:00:00+01:00'), at('2026-03-29T12:00:00+02:00')),
    ).toBe(120);
    // Autumn: the repeated hour is worked twice.
    expect(
      businessMinutesBetween(berlin, at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00')),
    ).toBe(25 * 60);
  });

  it('starts outside hours at the next opening, and refuses a calendar that never opens', () => {
    expect(addBusinessMinutes(itDesk(), at('2026-11-28T12:00:00+08:00'), 0).toISOString()).toBe(
      at('2026-11-30T09:00:00+08:00').toISOString(),
    );
    const closed = itDesk({ weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
    expect(() => addBusinessMinutes(closed, at('2026-11-27T10:00:00+08:00'), 10)).toThrow(
      ClosedCalendarError,
    );
  });
});

const hourPairs = fc
  .array(fc.integer({ min: 0, max: 24 * 4 }), { minLength: 0, maxLength: 4 })
  .map((points) => [...new Set(points)].sort((a, b) => a - b))
  .map((points) => {
    const intervals: { start: string; end: string }[] = [];
    for (let i = 0; i + 1 < points.length; i += 2) {
      const time = (quarter: number) =>
        quarter === 96
          ? '24:00'
          : `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
      intervals.push({ start: time(points[i] ?? 0), end: time(points[i + 1] ?? 0) });
    }
    return intervals;
  });

const calendars = fc
  .record({
    timezone: fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC'),
    mon: hourPairs,
    tue: hourPairs,
    wed: hourPairs,
    thu: hourPairs,
    fri: hourPairs,
    sat: hourPairs,
    sun: fc.constant<{ start: string; end: string }[]>([{ start: '08:00', end: '12:00' }]),
    holidays: fc.array(fc.date({ min: at('2026-01-01'), max: at('2026-12-31'), noInvalidDate: true }), {
      maxLength: 10,
    }),
  })
  .map(
    ({ timezone, holidays, ...weekly }): BusinessCalendar => ({
      timezone,
      weekly,
      holidays: holidays.map((day) => day.toISOString().slice(0, 10)),
      makeUpWorkingDays: [],
      version: 1,
    }),
  );
const instants = fc.date({
  min: at('2026-01-01T00:00:00Z'),
  max: at('2026-12-31T00:00:00Z'),
  noInvalidDate: true,
});

describe('business time: properties', () => {
  it('adding n business minutes and measuring back gives n', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 0, max: 5000 }), (calendar, from, minutes) => {
        const due = addBusinessMinutes(calendar, from, minutes);
        expect(due.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(businessMinutesBetween(calendar, from, due)).toBe(minutes);
      }),
      { numRuns: 200 },
    );
  });

  it('more minutes never end earlier, and splitting a target changes nothing', () => {
    fc.assert(
      fc.property(
        calendars,
        instants,
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 3000 }),
        (calendar, from, a, b) => {
          const whole = addBusinessMinutes(calendar, from, a + b);
          expect(whole.getTime()).toBeGreaterThanOrEqual(addBusinessMinutes(calendar, from, a).getTime());
          expect(addBusinessMinutes(calendar, addBusinessMinutes(calendar, from, a), b).getTime()).toBe(
            whole.getTime(),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the next working day starts after the given day and is open', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 1, max: 5 }), (calendar, from, days) => {
        const next = addWorkingDays(calendar, from, days);
        expect(next.getTime()).toBeGreaterThan(from.getTime());
        expect(
          businessMinutesBetween(calendar, next, new Date(next.getTime() + 15 * 60_000)),
        ).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
