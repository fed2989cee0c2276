import { localDate } from '../time/local-days';

/**
 * Human ticket numbers: store code, the store's local date, and a per-store-per-day sequence,
 * e.g. SH01-20261126-0007. The sequence is reserved by an atomic ADD and every reserved number
 * ends in the store's register as a ticket or void: unique, all accounted for (docs/data-model.md).
 */

/** The store's local date as YYYYMMDD, the number's middle part. */
export function localDay(now: Date, timeZone: string): string {
  return localDate(now, timeZone).replaceAll('-', '');
}

export function ticketNumber(storeCode: string, day: string, sequence: number): string {
  return `${storeCode}-${day}-${String(sequence).padStart(4, '0')}`;
}
