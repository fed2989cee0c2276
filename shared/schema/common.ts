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

/** A calendar date as YYYY-MM-DD that exists (no 2026-02-30, no month 13). */
export const isoDate = string().check(
  regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD.'),
  refine(
    (date) =>
      !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) &&
      new Date(`${date}T00:00:00Z`).toISOString().startsWith(date),
    'Not a calendar date.',
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

export const pageQueryFields = {
  // Decimal digits only: `Number()` alone would also take '0x10', '1e1' and ' 5'.
  limit: _default(
    pipe(
      pipe(string().check(regex(/^[0-9]{1,3}$/, 'Expected a whole number 1–100.')), transform(Number)),
      int().check(gte(1), lte(100)),
    ),
    25,
  ),
  cursor: optional(string().check(minLength(1), maxLength(2048))),
};

export const sortOrder = _default(zEnum(['newest', 'oldest']), 'newest');
