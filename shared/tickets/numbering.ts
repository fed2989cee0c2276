/**
 * Human ticket numbers: store code, the store's local date, and a per-store-per-day sequence,
 * e.g. SH01-20261126-0007. The sequence is reserved by an atomic ADD and every reserved number
 * ends in the store's register as a ticket or void: unique, all accounted for (docs/data-model.md).
 */
export function localDay(now: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}${parts.month}${parts.day}`;
}

export function ticketNumber(storeCode: string, day: string, sequence: number): string {
  return `${storeCode}-${day}-${String(sequence).padStart(4, '0')}`;
}
