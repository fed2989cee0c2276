import { createHash } from 'node:crypto';
import { invalidInput } from '../errors';

export type ItemKey = Record<string, string>;

/** DynamoDB's limit for a sort key value; our partition keys are far shorter still. */
const maxKeyBytes = 1024;

/**
 * The exact query a page belongs to. A cursor carries a digest of `query` (the list, index,
 * partition, sort-key condition, order and filters), so it is only accepted back by the very
 * same query; and its key must lie inside that query's partition and sort-key condition, so
 * DynamoDB never sees a start key it would refuse.
 */
export interface CursorScope {
  /** Everything that makes the query what it is; compared by digest, never by shape. */
  readonly query: Readonly<Record<string, unknown>>;
  /** The key attributes a page boundary of this query has (table keys, plus index keys). */
  readonly keyAttributes: readonly string[];
  /** The partition being queried: attribute name and the caller's value. */
  readonly partition: { readonly attribute: string; readonly value: string };
  /** The sort-key condition of the query: a prefix, or a closed range. */
  readonly sortKey?: {
    readonly attribute: string;
    readonly prefix?: string | undefined;
    readonly between?: readonly [string, string] | undefined;
  };
}

/** Keys sorted at every level, so the same description always hashes the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, entry]) => [name, canonical(entry)]),
    );
  }
  return value;
}

/** A short digest of the query description: binding, not secrecy (there is no key to sign with). */
function queryDigest(query: CursorScope['query']): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(query)))
    .digest('base64url')
    .slice(0, 22);
}

/** Opaque paging cursor: the last evaluated key and the digest of its query, base64url-encoded. */
export function encodeCursor(
  lastKey: Record<string, unknown> | undefined,
  scope: CursorScope,
): string | null {
  if (!lastKey) return null;
  return Buffer.from(JSON.stringify({ q: queryDigest(scope.query), k: lastKey }), 'utf8').toString(
    'base64url',
  );
}

/** The tenant every key of a query lives under: `T#<tenant>`, the head of its partition value. */
function tenantOf(partitionValue: string): string | undefined {
  const [marker, tenant] = partitionValue.split('#');
  return marker === 'T' && tenant ? `T#${tenant}` : undefined;
}

/**
 * The start key a cursor stands for, or a 400 naming `cursor` when it is not a cursor of this
 * exact query (another list, partition, filter or order), is malformed, or has been edited.
 */
export function decodeCursor(cursor: string | undefined, scope: CursorScope): ItemKey | undefined {
  if (cursor === undefined) return undefined;
  const refused = invalidInput(
    [{ in: 'query', path: 'cursor', message: 'Not a cursor from this list with these filters.' }],
    'The cursor does not belong to this list and these filters; start again without it.',
  );
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused;
  }
  if (!isRecord(decoded) || Object.keys(decoded).length !== 2) throw refused;
  const { q: digest, k: boundary } = decoded;
  if (digest !== queryDigest(scope.query) || !isRecord(boundary)) throw refused;
  const entries = Object.entries(boundary);
  const sameShape =
    entries.length === scope.keyAttributes.length &&
    entries.every(
      ([name, value]) =>
        scope.keyAttributes.includes(name) &&
        typeof value === 'string' &&
        value !== '' &&
        Buffer.byteLength(value, 'utf8') <= maxKeyBytes,
    );
  if (!sameShape) throw refused;
  const key = boundary as ItemKey;
  if (key[scope.partition.attribute] !== scope.partition.value) throw refused;
  // Every partition-key attribute (the table's and the index's) stays within the caller's tenant.
  const tenant = tenantOf(scope.partition.value);
  const inTenant = (value: string | undefined) =>
    value !== undefined && (value === tenant || value.startsWith(`${tenant}#`));
  if (
    tenant &&
    !scope.keyAttributes.filter((name) => name.endsWith('pk')).every((name) => inTenant(key[name]))
  ) {
    throw refused;
  }
  const sortKey = scope.sortKey;
  if (sortKey) {
    const value = key[sortKey.attribute] ?? '';
    if (sortKey.prefix !== undefined && !value.startsWith(sortKey.prefix)) throw refused;
    if (sortKey.between && (value < sortKey.between[0] || value > sortKey.between[1])) throw refused;
  }
  return key;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly cursor: string | null;
}
