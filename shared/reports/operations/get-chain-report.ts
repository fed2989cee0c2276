import { assertStoreAccess, type Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { queryEntities } from '../../db/query';
import { invalidInput, notFound } from '../../errors';
import { storeEntity } from '../../stores/entities';
import { findStores } from '../../stores/repository';
import type { Store } from '../../stores/views';
import { type ChainStore, chainReport, sumOfDays } from '../chain';
import type { Counters } from '../counters';
import { readStoreDays } from '../repository';
import { type GetChainReportQuery, maxChainReportStores } from '../schema';
import type { ChainReport } from '../views';

/** Stores read at once: 100 stores are 10 rounds of 10 Queries, kind to the table and the Lambda. */
const parallelReads = 10;

/**
 * The stores of this page. Admins (tenant-wide): the named stores, or the tenant's stores a page
 * of `limit` at a time, with a cursor bound to this report's range and format. Managers: the named
 * stores, each of which must be theirs, or all the stores of their token, in one page.
 */
async function storesOfPage(principal: Principal, query: GetChainReportQuery): Promise<Page<Store>> {
  const { tenantId } = principal;
  if (query.storeIds) {
    // Out of scope before anything is read: nothing tells a manager whether another store exists.
    for (const storeId of query.storeIds) assertStoreAccess(principal, storeId);
    const stores = await findStores(tenantId, query.storeIds);
    // A named store the tenant does not have (another tenant's, or none) is 404: a total that
    // silently left out a store asked for would look complete and be wrong.
    if (stores.length < query.storeIds.length) throw notFound('store');
    return { items: stores, cursor: null };
  }
  if (principal.tenantWide) {
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
  // Their list is one page and hands out no cursor, so any cursor sent back is not from it.
  if (query.cursor !== undefined) {
    throw invalidInput(
      [{ in: 'query', path: 'cursor', message: 'Not a cursor from this report.' }],
      'The cursor does not belong to this report.',
    );
  }
  if (principal.storeIds.length > maxChainReportStores) {
    throw invalidInput(
      [
        {
          in: 'query',
          path: 'storeIds',
          message: `You work in ${principal.storeIds.length} stores; name at most ${maxChainReportStores} here.`,
        },
      ],
      'Name the stores to report on.',
    );
  }
  // Stores of the token the tenant does not have are simply absent (as in listStores).
  return { items: await findStores(tenantId, principal.storeIds), cursor: null };
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
