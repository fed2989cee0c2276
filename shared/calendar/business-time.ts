import { TZDate } from '@date-fns/tz';
import { minutesOf, weekdays } from './schema';
import type { BusinessCalendar } from './views';

/**
 * Business-time arithmetic on a store's calendar. Pure: instants in, instants out. Intervals are
 * local wall times converted to instants per day through the time zone, so a DST day's
 * intervals are as long as they really are; a wall time that does not exist (spring forward)
 * moves to the first one that does.
 */
const minuteMs = 60_000;
/** Ten years of days: a calendar with no open hours at all must fail, not loop. */
const maxDaysScanned = 3660;

interface LocalDate {
  readonly year: number;
  readonly month: number; // 0-based, like Date
  readonly day: number;
}

export class ClosedCalendarError extends Error {
  constructor() {
    super('The calendar has no opening hours within ten years.');
  }
}

function localDateOf(instant: number, timezone: string): LocalDate {
  const local = new TZDate(instant, timezone);
  return { year: local.getFullYear(), month: local.getMonth(), day: local.getDate() };
}

/** The next calendar day; Date.UTC normalises month and year overflow. */
function nextDay(date: LocalDate, by = 1): LocalDate {
  const utc = new Date(Date.UTC(date.year, date.month, date.day + by));
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth(), day: utc.getUTCDate() };
}

const isoDay = (date: LocalDate) =>
  `${date.year}-${String(date.month + 1).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

/**
 * Wall times already converted, by zone, date and minute. A request asks for the same few days
 * again and again (a created ticket adds business minutes four times, each scan starting the day
 * before), and each TZDate costs ~20 µs of ICU offset look-ups. The conversion depends on its
 * arguments alone, so remembering it changes no answer; emptied when full, so it stays small.
 */
const convertedWallTimes = new Map<string, number>();

function instantAt(date: LocalDate, minutes: number, timezone: string): number {
  const key = `${timezone} ${date.year} ${date.month} ${date.day} ${minutes}`;
  let instant = convertedWallTimes.get(key);
  if (instant === undefined) {
    instant = new TZDate(
      date.year,
      date.month,
      date.day,
      Math.floor(minutes / 60),
      minutes % 60,
      timezone,
    ).getTime();
    if (convertedWallTimes.size >= 4096) convertedWallTimes.clear();
    convertedWallTimes.set(key, instant);
  }
  return instant;
}

/** The open intervals of a local date, as instants [start, end), in order. */
export function openIntervals(calendar: BusinessCalendar, date: LocalDate): [number, number][] {
  const key = isoDay(date);
  if (calendar.holidays.includes(key)) return [];
  const weekday = weekdays[new Date(Date.UTC(date.year, date.month, date.day)).getUTCDay()] ?? 'mon';
  const hours = calendar.makeUpWorkingDays.includes(key)
    ? (calendar.makeUpDayHours ?? calendar.weekly.mon)
    : calendar.weekly[weekday];
  return [...hours]
    .sort((a, b) => minutesOf(a.start) - minutesOf(b.start))
    .map((interval): [number, number] => [
      instantAt(date, minutesOf(interval.start), calendar.timezone),
      instantAt(date, minutesOf(interval.end), calendar.timezone),
    ])
    .filter(([start, end]) => end > start);
}

/** The instant `minutes` business minutes after `from` (from itself if 0 and open, else the next opening). */
export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date {
  let remaining = Math.max(0, minutes) * minuteMs;
  let date = localDateOf(from.getTime(), calendar.timezone);
  // A day's intervals can start before midnight UTC of another day: begin one day early to be safe.
  date = nextDay(date, -1);
  for (let scanned = 0; scanned < maxDaysScanned; scanned++, date = nextDay(date)) {
    for (const [start, end] of openIntervals(calendar, date)) {
      const begin = Math.max(start, from.getTime());
      if (begin >= end) continue;
      if (begin + remaining <= end) return new Date(begin + remaining);
      remaining -= end - begin;
    }
  }
  throw new ClosedCalendarError();
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  let total = 0;
  let date = nextDay(localDateOf(from.getTime(), calendar.timezone), -1);
  const last = localDateOf(to.getTime(), calendar.timezone);
  for (let scanned = 0; scanned < maxDaysScanned + 2; scanned++, date = nextDay(date)) {
    for (const [start, end] of openIntervals(calendar, date)) {
      const overlap = Math.min(end, to.getTime()) - Math.max(start, from.getTime());
      if (overlap > 0) total += overlap;
    }
    if (isoDay(date) === isoDay(nextDay(last))) break;
  }
  return Math.round(total / minuteMs);
}

/**
 * The start of business on the `days`-th working day after the local day of `from`
 * (days = 1: the next working day). Used for "retry next working day", "within 5 working days".
 */
export function addWorkingDays(calendar: BusinessCalendar, from: Date, days: number): Date {
  let date = localDateOf(from.getTime(), calendar.timezone);
  let counted = 0;
  for (let scanned = 0; scanned < maxDaysScanned; scanned++) {
    date = nextDay(date);
    const intervals = openIntervals(calendar, date);
    if (intervals.length > 0 && ++counted >= days) return new Date(intervals[0]?.[0] ?? 0);
  }
  throw new ClosedCalendarError();
}

const allDay = [{ start: '00:00', end: '24:00' }];

/** When nothing is configured: every minute counts (7×24), in the store's zone. */
export function roundTheClock(timezone: string): BusinessCalendar {
  return {
    timezone,
    weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    holidays: [],
    makeUpWorkingDays: [],
    source: 'default',
    version: 0,
  };
}
