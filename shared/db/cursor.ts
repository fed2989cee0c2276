import { invalidInput } from '../errors';

export type ItemKey = Record<string, string>;

/**
 * Opaque paging cursor: the last evaluated key, base64url-encoded. On the way back in it must
 * belong to the very partition being queried, which already starts with the caller's tenant,
 * so a cursor cannot be replayed against another tenant, store or filter.
 */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  if (!lastKey) return null;
  return Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url');
}

export interface CursorScope {
  /** The key attributes a page boundary of this query has (table keys, plus index keys). */
  readonly keyAttributes: readonly string[];
  /** The partition being queried: attribute name and the caller's value. */
  readonly partition: { readonly attribute: string; readonly value: string };
  /** When the query restricts the sort key to a prefix, a boundary must lie inside it. */
  readonly sortKeyPrefix?: { readonly attribute: string; readonly prefix: string };
}

export function decodeCursor(cursor: string | undefined, scope: CursorScope): ItemKey | undefined {
  if (cursor === undefined) return undefined;
  const refused = invalidInput(
    [{ in: 'query', path: 'cursor', message: 'Not a cursor from this list.' }],
    'The cursor does not belong to this list.',
  );
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused;
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw refused;
  const entries = Object.entries(decoded);
  const sameShape =
    entries.length === scope.keyAttributes.length &&
    entries.every(([name, value]) => scope.keyAttributes.includes(name) && typeof value === 'string');
  if (!sameShape) throw refused;
  const key = Object.fromEntries(entries) as ItemKey;
  if (key[scope.partition.attribute] !== scope.partition.value) throw refused;
  const sortPrefix = scope.sortKeyPrefix;
  if (sortPrefix && !key[sortPrefix.attribute]?.startsWith(sortPrefix.prefix)) throw refused;
  return key;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly cursor: string | null;
}
