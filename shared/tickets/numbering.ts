/**
 * Human ticket numbers: store code, the store's local date, and a per-store-per-day sequence,
 * e.g. SH01-20261126-0007. The sequence is reserved by an atomic ADD and every reserved number
 * ends in the store's register as a ticket or void: unique, all accounted for (docs/data-model.md).
 */
/**
 * One formatter per time zone, built on first use: building one costs ~100 µs (ICU loads the
 * zone), formatting with it a few µs. Bounded by the zones stores use (validated IANA names;
 * an invalid zone throws before anything is kept).
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

export function localDay(now: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    dayFormatIn(timeZone)
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}${parts.month}${parts.day}`;
}

export function ticketNumber(storeCode: string, day: string, sequence: number): string {
  return `${storeCode}-${day}-${String(sequence).padStart(4, '0')}`;
}
