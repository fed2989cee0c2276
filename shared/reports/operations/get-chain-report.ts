import type { Principal } from '../../access/principal';
import { type CursorScope, decodeCursor, encodeCursor, type Page } from '../../db/cursor';
import { queryEntities } from '../../db/query';
import { notFound } from '../../errors';
import { storeEntity } from '../../stores/entities';
import { findStores } from '../../stores/repository';
import type { Store } from '../../stores/views';
import { type ChainStore, chainReport, sumOfDays } from '../chain';
import type { Counters } from '../counters';
import { readStoreDays } from '../repository';
import type { GetChainReportQuery } from '../schema';
import type { ChainReport } from '../views';

/** Stores read at once: 100 stores are 10 rounds of 10 Queries, kind to the table and the Lambda. */
const parallelReads = 10;

/**
 * A page of the store ids named in the query, in id order. The cursor is the last store's key,
 * bound like a list's (shared/db/cursor.ts) to this exact list, range and format.
 */
async function namedStores(
  principal: Principal,
  query: GetChainReportQuery,
  ids: readonly string[],
): Promise<Page<Store>> {
  const { tenantId } = principal;
  const sorted = [...new Set(ids)].sort();
  const partition = `T#${tenantId}`;
  const scope: CursorScope = {
    query: {
      list: 'chain-report-named',
      filters: { from: query.from, to: query.to, format: query.format, storeIds: sorted },
      partition,
    },
    keyAttributes: ['pk', 'sk'],
    partition: { attribute: 'pk', value: partition },
    sortKey: { attribute: 'sk', prefix: 'STORE#' },
  };
  const after = decodeCursor(query.cursor, scope)?.sk?.slice('STORE#'.length);
  const rest = after === undefined ? sorted : sorted.filter((id) => id > after);
  const pageIds = rest.slice(0, query.limit);
  const stores = await findStores(tenantId, pageIds);
  // A named store the tenant does not have (another tenant's, or none) is 404: a total that
  // silently left out a store asked for would look complete and be wrong.
  if (stores.length < pageIds.length) throw notFound('store');
  const last = pageIds.at(-1);
  const more = rest.length > pageIds.length && last !== undefined;
  return {
    items: stores,
    cursor: more ? encodeCursor(storeEntity.key({ tenantId, id: last }), scope) : null,
  };
}

/**
 * The stores of this page, `limit` at a time: the named `storeIds` (each must be the tenant's), or
 * else every store of the tenant. Managers and admins (the route's only roles) read the whole
 * chain, as they read any store's weekly, monthly and SLA reports.
 */
async function storesOfPage(principal: Principal, query: GetChainReportQuery): Promise<Page<Store>> {
  const { tenantId } = principal;
  if (query.storeIds) return namedStores(principal, query, query.storeIds);
  const tenantStores = {
    ...storeEntity.view(undefined, { tenantId }),
    list: 'chain-report',
    filters: { from: query.from, to: query.to, format: query.format },
  };
  const page = await queryEntities<Store>({ ...tenantStores, limit: query.limit, cursor: query.cursor });
  if (page.cursor === null || page.items.length < query.limit) return page;
  // A full page ends with a cursor even when no store follows; one more key read tells, so a
  // chain of exactly `limit` stores gets its whole total (the read is half a unit).
  const next = await queryEntities<Store>({ ...tenantStores, limit: 1, cursor: page.cursor });
  return next.items.length === 0 && next.cursor === null ? { items: page.items, cursor: null } : page;
}

/**
 * 连锁汇总: one row per store with the weekly report's figures over local days `from`–`to`, and the
 * stores' total. One Query of the store's day items per store (≤ 92 items each, a few KB: cheaper
 * than BatchGetItem, which rounds every item up to 4 KB): O(stores × days), never the tickets.
 * Managers and admins read every store of the tenant (the route lets no other role in).
 */
export async function getChainReport(principal: Principal, query: GetChainReportQuery): Promise<ChainReport> {
  const page = await storesOfPage(principal, query);
  const rows: { store: ChainStore; counters: Counters }[] = [];
  for (let start = 0; start < page.items.length; start += parallelReads) {
    const batch = page.items.slice(start, start + parallelReads);
    const days = await Promise.all(
      batch.map((store) => readStoreDays(principal.tenantId, store.id, query.from, query.to)),
    );
    batch.forEach((store, index) => {
      rows.push({ store, counters: sumOfDays(days[index] ?? new Map()) });
    });
  }
  return chainReport({ from: query.from, to: query.to }, rows, {
    cursor: page.cursor,
    firstPage: query.cursor === undefined,
  });
}
