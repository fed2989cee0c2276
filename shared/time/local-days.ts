import { TZDate } from '@date-fns/tz';

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * One formatter per time zone, built on first use: building one costs ~100 µs (ICU loads the
 * zone), formatting with it a few µs. Bounded by the zones stores use (validated IANA names; an
 * invalid zone throws before anything is kept).
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date (YYYY-MM-DD) of an instant in `timezone`. */
export function localDate(at: Date | string | number, timezone: string): string {
  let format = dayFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timezone, format);
  }
  // From the parts, not format(): a locale's date pattern has changed between ICU versions.
  const part: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(typeof at === 'object' ? at : new Date(at))) {
    part[type] = value;
  }
  return `${part.year}-${part.month}-${part.day}`;
}

/** The instant a local day (YYYY-MM-DD) starts in `timezone`. */
export function startOfLocalDay(day: string, timezone: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, date, 0, 0, 0, timezone).getTime();
}

/** `[from 00:00, the day after to 00:00 − 1 ms]` in the store's zone: the local days from–to inclusive. */
export function localDaysRange(from: string, to: string, timezone: string): readonly [number, number] {
  const [year, month, date] = to.split('-').map(Number) as [number, number, number];
  const dayAfter = new TZDate(year, month - 1, date + 1, 0, 0, 0, timezone).getTime();
  return [startOfLocalDay(from, timezone), dayAfter - 1];
}

/** An instant as the desk reads it: `YYYY-MM-DD HH:mm` in the store's zone. */
export function localMinute(at: string | undefined, timezone: string): string | undefined {
  if (!at) return undefined;
  const local = new TZDate(Date.parse(at), timezone);
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}`;
}
