import { TZDate } from '@date-fns/tz';

const pad = (value: number) => String(value).padStart(2, '0');

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
