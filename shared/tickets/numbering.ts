/**
 * Human ticket numbers: store code, the store's local date, and a per-store-per-day sequence,
 * e.g. SH01-20261126-0007. The sequence is claimed in the same transaction as the ticket, so
 * numbers are unique and gap-free.
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
