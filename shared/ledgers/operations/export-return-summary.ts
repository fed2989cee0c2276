import type { Principal } from '../../access/principal';
import type { ExportReturnSummaryQuery } from '../../exports/schema';
import type { ReturnSummary } from '../../exports/views';
import { readStoreDays } from '../../reports/repository';
import { returnSummaryOf } from '../registers/summary';
import { storeOfLedger } from '../store';

/**
 * 无理由退货处理汇总表 of a store's local days from–to: one Query of the store-day aggregates
 * (at most 366 items), never the cases.
 */
export async function exportReturnSummary(
  principal: Principal,
  query: ExportReturnSummaryQuery,
): Promise<ReturnSummary> {
  const store = await storeOfLedger(principal, query.storeId);
  const days = await readStoreDays(principal.tenantId, store.storeId, query.from, query.to);
  return returnSummaryOf(store, query.from, query.to, days);
}
