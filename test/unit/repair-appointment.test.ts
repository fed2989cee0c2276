import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../shared/calendar/views';
import { appointmentProblems } from '../../shared/repairs/appointment';

const weekday = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
/** Weekdays with a lunch break, Saturday 10–16, Sunday closed; 12-02 a holiday, Sunday 12-06 worked (调休). */
const calendar: BusinessCalendar = {
  timezone: 'Asia/Shanghai',
  weekly: {
    mon: weekday,
    tue: weekday,
    wed: weekday,
    thu: weekday,
    fri: weekday,
    sat: [{ start: '10:00', end: '16:00' }],
    sun: [],
  },
  holidays: ['2026-12-02'],
  makeUpWorkingDays: ['2026-12-06'],
  version: 1,
};

const at = (day: string, time: string) => `${day}T${time}:00+08:00`;

describe('appointmentProblems: an on-site window within the store’s business hours', () => {
  it.each([
    // day, from, to, the field named (none: accepted)
    ['2026-12-01', '09:00', '12:00', undefined], // Tuesday morning, the whole interval
    ['2026-12-01', '13:00', '17:59', undefined],
    ['2026-12-01', '08:59', '10:00', 'appointment.from'], // before opening
    ['2026-12-01', '12:00', '12:30', 'appointment.from'], // lunch break
    ['2026-12-01', '11:00', '13:30', 'appointment.to'], // runs into the lunch break
    ['2026-12-01', '17:00', '18:01', 'appointment.to'], // past closing
    ['2026-12-01', '18:00', '19:00', 'appointment.from'], // at closing time
    ['2026-12-02', '10:00', '11:00', 'appointment.from'], // a holiday
    ['2026-12-05', '10:00', '16:00', undefined], // Saturday hours
    ['2026-12-05', '09:00', '10:00', 'appointment.from'],
    ['2026-12-13', '10:00', '11:00', 'appointment.from'], // Sunday: closed
    ['2026-12-06', '09:00', '11:00', undefined], // a make-up working Sunday: Monday's hours
  ] as const)('%s %s–%s: %s', (day, from, to, field) => {
    const issues = appointmentProblems(calendar, { from: at(day, from), to: at(day, to) });
    expect(issues.map((issue) => issue.path)).toEqual(field ? [field] : []);
  });

  it('says why, in the store’s local time', () => {
    const [holiday] = appointmentProblems(calendar, {
      from: at('2026-12-02', '10:00'),
      to: at('2026-12-02', '11:00'),
    });
    expect(holiday?.message).toContain('2026-12-02 is a holiday');
    const [early] = appointmentProblems(calendar, {
      from: at('2026-12-01', '08:00'),
      to: at('2026-12-01', '09:30'),
    });
    expect(early?.message).toBe('08:00 on 2026-12-01 is outside business hours (09:00–12:00, 13:00–18:00).');
    const [late] = appointmentProblems(calendar, {
      from: at('2026-12-01', '17:00'),
      to: at('2026-12-01', '19:00'),
    });
    expect(late?.message).toContain('must end by 18:00');
    const [closed] = appointmentProblems(calendar, {
      from: at('2026-12-13', '10:00'),
      to: at('2026-12-13', '11:00'),
    });
    expect(closed?.message).toBe('The store is closed on 2026-12-13.');
    // An instant given in UTC is judged by the store's wall clock: 01:00Z is 09:00 in Shanghai.
    expect(
      appointmentProblems(calendar, { from: '2026-12-01T01:00:00Z', to: '2026-12-01T02:00:00Z' }),
    ).toEqual([]);
  });
});
