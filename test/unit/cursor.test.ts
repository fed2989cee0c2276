import { describe, expect, it } from 'vitest';
import { type CursorScope, decodeCursor, encodeCursor } from '../../shared/db/cursor';
import type { DomainError } from '../../shared/errors';

const scope = {
  query: { list: 'tickets', partition: 'T#acme#STORE#S1#STATUS#new', filters: { status: 'new' } },
  keyAttributes: ['pk', 'sk', 'sspk', 'sssk'],
  partition: { attribute: 'sspk', value: 'T#acme#STORE#S1#STATUS#new' },
};
const key = {
  pk: 'T#acme#TICKET#X',
  sk: 'TICKET',
  sspk: 'T#acme#STORE#S1#STATUS#new',
  sssk: 'X',
};

const refusal = (cursor: string, within: CursorScope = scope) => {
  try {
    decodeCursor(cursor, within);
    return undefined;
  } catch (error) {
    return (error as DomainError).issues.map((issue) => `${issue.in}.${issue.path}`);
  }
};

/** A cursor as a client could forge it: any digest, any key. */
const forged = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');
const digestOf = (cursor: string) =>
  (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { q: string }).q;

describe('cursor', () => {
  it('round-trips a page boundary of the same query', () => {
    const cursor = encodeCursor(key, scope);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor ?? undefined, scope)).toEqual(key);
    // The description is compared by content, not by the order its fields were written in.
    const reordered = {
      ...scope,
      query: { filters: { status: 'new' }, partition: scope.query.partition, list: 'tickets' },
    };
    expect(decodeCursor(cursor ?? undefined, reordered)).toEqual(key);
    expect(encodeCursor(undefined, scope)).toBeNull();
    expect(decodeCursor(undefined, scope)).toBeUndefined();
  });

  it('refuses a cursor reused with other filters, another order or another list', () => {
    const cursor = encodeCursor(key, scope) ?? '';
    for (const query of [
      { ...scope.query, filters: { status: 'new', from: '2026-11-01T00:00:00Z' } },
      { ...scope.query, filters: {} },
      { ...scope.query, newestFirst: true },
      { ...scope.query, list: 'revisits' },
    ]) {
      expect(refusal(cursor, { ...scope, query })).toEqual(['query.cursor']);
    }
  });

  it('refuses cursors of another partition, another shape, emptied or overlong keys, or no cursor at all', () => {
    const q = digestOf(encodeCursor(key, scope) ?? '');
    for (const cursor of [
      forged({ q, k: { ...key, sspk: 'T#evil#STORE#S1#STATUS#new' } }),
      forged({ q, k: { ...key, pk: 'T#evil#TICKET#X' } }),
      forged({ q, k: { ...key, pk: '' } }),
      forged({ q, k: { ...key, sssk: '' } }),
      forged({ q, k: { ...key, sssk: 'X'.repeat(1025) } }),
      forged({ q, k: { pk: key.pk, sk: key.sk, sspk: key.sspk } }),
      forged({ q, k: { ...key, admin: 'yes' } }),
      forged({ q, k: { ...key, sk: 1 } }),
      forged({ q, k: null }),
      forged({ q, k: key, extra: 1 }),
      forged({ q: 'x', k: key }),
      forged(key),
      'not base64 at all!',
      'bnVsbA',
      'W10',
    ]) {
      expect(refusal(cursor)).toEqual(['query.cursor']);
    }
    // The same forgery with everything right is accepted: the refusals above are for their flaw.
    expect(decodeCursor(forged({ q, k: key }), scope)).toEqual(key);
  });

  it('refuses a boundary outside the queried sort-key prefix or range', () => {
    const storeScope: CursorScope = {
      query: { list: 'stores' },
      keyAttributes: ['pk', 'sk'],
      partition: { attribute: 'pk', value: 'T#acme' },
      sortKey: { attribute: 'sk', prefix: 'STORE#' },
    };
    const q = digestOf(encodeCursor({ pk: 'T#acme', sk: 'STORE#1' }, storeScope) ?? '');
    expect(refusal(forged({ q, k: { pk: 'T#acme', sk: 'STAFF#1' } }), storeScope)).toEqual(['query.cursor']);
    expect(decodeCursor(forged({ q, k: { pk: 'T#acme', sk: 'STORE#1' } }), storeScope)).toEqual({
      pk: 'T#acme',
      sk: 'STORE#1',
    });

    const rangeScope: CursorScope = {
      ...scope,
      query: { ...scope.query, sortKeyBetween: ['B', 'D'] },
      sortKey: { attribute: 'sssk', between: ['B', 'D'] },
    };
    const inRange = encodeCursor({ ...key, sssk: 'C' }, rangeScope) ?? '';
    expect(decodeCursor(inRange, rangeScope)).toMatchObject({ sssk: 'C' });
    const r = digestOf(inRange);
    expect(refusal(forged({ q: r, k: { ...key, sssk: 'A' } }), rangeScope)).toEqual(['query.cursor']);
    expect(refusal(forged({ q: r, k: { ...key, sssk: 'E' } }), rangeScope)).toEqual(['query.cursor']);
  });
});
