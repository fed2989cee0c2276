import {
  _default,
  gte,
  int,
  lte,
  maxLength,
  minLength,
  optional,
  pipe,
  refine,
  regex,
  string,
  transform,
  trim,
  enum as zEnum,
} from 'zod/mini';
import { ulidPattern } from '../ids';

/** Trimmed text with length bounds counted after trimming. */
export const text = (min: number, max: number) => string().check(trim(), minLength(min), maxLength(max));

/**
 * The years any date or time we accept may fall in: 2000 through 2100, both inclusive. Wide
 * enough for every purchase, warranty and appointment a desk records; narrow enough that no
 * arithmetic on it (ULID time bounds, lease ends, working-day sums) can leave JavaScript's or
 * the ULID's time range.
 */
export const earliestYear = 2000;
export const latestYear = 2100;

const daysInMonth = (year: number, month: number) =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

const isCalendarDate = (year: number, month: number, day: number) =>
  year >= earliestYear &&
  year <= latestYear &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= daysInMonth(year, month);

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a YYYY-MM-DD day that exists (no 2026-02-30, no month 13), 2000–2100. */
export function isIsoDate(value: string): boolean {
  const match = datePattern.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A calendar date as YYYY-MM-DD that exists (no 2026-02-30, no month 13), in 2000–2100. */
export const isoDate = string().check(
  refine(isIsoDate, `Expected a date as YYYY-MM-DD that exists, in ${earliestYear}–${latestYear}.`),
);

const instantPattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const earliestInstant = Date.UTC(earliestYear, 0, 1);
const endOfLatestYear = Date.UTC(latestYear + 1, 0, 1);

/**
 * Whether `value` is an ISO-8601 instant: a real calendar date, a real time of day (00:00 to
 * 23:59:59, no 24:00, no leap second), and an explicit offset (`Z` or ±hh:mm up to ±14:00),
 * falling in 2000-01-01T00:00:00Z ≤ t < 2101-01-01T00:00:00Z. `Date.parse` alone accepts "0",
 * 2026-02-30 and +275760-09-13, so it never decides on its own.
 */
export function isInstant(value: string): boolean {
  const match = instantPattern.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, sign, offsetHours, offsetMinutes] = match;
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return false;
  if (sign !== undefined) {
    const offset = Number(offsetHours) * 60 + Number(offsetMinutes);
    if (Number(offsetMinutes) > 59 || offset > 14 * 60) return false;
  }
  const time = Date.parse(value);
  return time >= earliestInstant && time < endOfLatestYear;
}

/** An instant as ISO-8601 with an offset, e.g. 2026-11-26T09:00:00+08:00 (see `isInstant`). */
export const instant = string().check(
  refine(
    isInstant,
    `Expected an ISO-8601 time with a real date and an offset, e.g. 2026-11-26T09:00:00+08:00, in ${earliestYear}–${latestYear}.`,
  ),
);

export const ulid = string().check(regex(ulidPattern, 'Expected an id (26-character ULID).'));

export const timeZone = string().check(
  refine((zone) => isTimeZone(zone), 'Expected an IANA time zone such as Asia/Shanghai.'),
);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** Mainland mobile numbers and international E.164-ish numbers, digits only after normalising. */
export const phone = string().check(trim(), regex(/^\+?[0-9][0-9 -]{5,19}$/, 'Expected a phone number.'));

/** A page size from the query string, 1–`max`, `fallback` when absent. */
export const pageLimit = (max: number, fallback: number) =>
  _default(
    pipe(
      // Decimal digits only: `Number()` alone would also take '0x10', '1e1' and ' 5'.
      pipe(
        string().check(
          regex(new RegExp(`^[0-9]{1,${String(max).length}}$`), `Expected a whole number 1–${max}.`),
        ),
        transform(Number),
      ),
      int().check(gte(1), lte(max)),
    ),
    fallback,
  );

export const pageQueryFields = {
  limit: pageLimit(100, 25),
  cursor: optional(string().check(minLength(1), maxLength(2048))),
};

export const sortOrder = _default(zEnum(['newest', 'oldest']), 'newest');
