import { encodeTime } from 'ulidx';
import { localDaysRange } from '../time/local-days';

/**
 * The ULID bounds of the ids created on the store's local days from–to (inclusive): a Query of an
 * id-sorted view between them reads exactly the period's items, never a Scan.
 */
export function idsCreatedOn(from: string, to: string, timezone: string): [string, string] {
  const [low, high] = localDaysRange(from, to, timezone);
  return [`${encodeTime(low, 10)}${'0'.repeat(16)}`, `${encodeTime(high, 10)}${'Z'.repeat(16)}`];
}

/** The cursor binds the whole ask, the format too: a cursor goes on only the export it came from. */
export const exportFilters = (query: { storeId: string; from: string; to: string; format: string }) => ({
  storeId: query.storeId,
  from: query.from,
  to: query.to,
  format: query.format,
});
