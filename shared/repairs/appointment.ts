import { TZDate } from '@date-fns/tz';
import { openIntervals } from '../calendar/business-time';
import type { BusinessCalendar } from '../calendar/views';
import { DomainError, type FieldIssue } from '../errors';
import { say } from './texts';

/*
 * An on-site appointment window (预约上门时间) checked against the store's business calendar: it
 * must lie within one opening interval of a day that is not a holiday (a 调休 make-up working day
 * counts as open). Pure: the calendar as resolved for the store comes in. What it says is in
 * repair-texts.json, with the desk's other repair sentences.
 */

const clock = (instant: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    instant,
  );

/** The field problems of a window (empty when the store is open for the whole of it). */
export function appointmentProblems(
  calendar: BusinessCalendar,
  window: { readonly from: string; readonly to: string },
): FieldIssue[] {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const local = new TZDate(from, calendar.timezone);
  const date = { year: local.getFullYear(), month: local.getMonth(), day: local.getDate() };
  const day = `${date.year}-${String(date.month + 1).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  if (calendar.holidays.includes(day)) {
    return [
      {
        in: 'body',
        path: 'appointment.from',
        message: say('windowOnHoliday', { day }),
      },
    ];
  }
  const intervals = openIntervals(calendar, date);
  const hours = intervals
    .map(([start, end]) => `${clock(start, calendar.timezone)}–${clock(end, calendar.timezone)}`)
    .join(', ');
  const within = intervals.find(([start, end]) => start <= from && from < end);
  if (!within) {
    return [
      {
        in: 'body',
        path: 'appointment.from',
        message: say(intervals.length === 0 ? 'storeClosed' : 'windowOutsideHours', {
          time: clock(from, calendar.timezone),
          day,
          hours,
        }),
      },
    ];
  }
  if (to > within[1]) {
    return [
      {
        in: 'body',
        path: 'appointment.to',
        message: say('windowEndsLate', { end: clock(within[1], calendar.timezone), hours, day }),
      },
    ];
  }
  return [];
}

/** The 422 a window outside business hours gets, naming its fields. */
export const appointmentRefused = (issues: readonly FieldIssue[]) =>
  new DomainError(
    'rule_refused',
    'appointment_outside_business_hours',
    'The appointment window is outside the store’s business hours.',
    issues,
  );
