import { assertStoreAccess, type Principal } from '../../access/principal';
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
 * A page of a list of store ids (named in the query, or a manager's token), in id order. The
 * cursor is the last store's key, bound like a list's (shared/db/cursor.ts) to this exact list,
 * range and format.
 */
async function listedStores(
  principal: Principal,
  query: GetChainReportQuery,
  ids: readonly string[],
  named: boolean,
): Promise<Page<Store>> {
  const { tenantId } = principal;
  const sorted = [...new Set(ids)].sort();
  const partition = `T#${tenantId}`;
  const scope: CursorScope = {
    query: {
      list: named ? 'chain-report-named' : 'chain-report-mine',
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
  // silently left out a store asked for would look complete and be wrong. A token's stores the
  // tenant does not have are simply absent (as in listStores).
  if (named && stores.length < pageIds.length) throw notFound('store');
  const last = pageIds.at(-1);
  const more = rest.length > pageIds.length && last !== undefined;
  return {
    items: stores,
    cursor: more ? encodeCursor(storeEntity.key({ tenantId, id: last }), scope) : null,
  };
}

/**
 * The stores of this page, `limit` at a time. Named `storeIds`: each must be the caller's (admins:
 * any) and the tenant's. Otherwise admins (tenant-wide) page through the tenant's stores, and
 * managers through the stores of their token.
 */
async function storesOfPage(principal: Principal, query: GetChainReportQuery): Promise<Page<Store>> {
  const { tenantId } = principal;
  if (query.storeIds) {
    // Out of scope before anything is read: nothing tells a manager whether another store exists.
    for (const storeId of query.storeIds) assertStoreAccess(principal, storeId);
    return listedStores(principal, query, query.storeIds, true);
  }
  if (!principal.tenantWide) return listedStores(principal, query, principal.storeIds, false);
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
 * Admins read the tenant, managers their own stores (the route lets no other role in).
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
