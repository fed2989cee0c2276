import { assertStoreAccess, type Principal } from '../../access/principal';
import { notFound } from '../../errors';
import { findStore } from '../../stores/repository';
import { readStoreDays } from '../repository';
import type { GetWeeklyStoreReportQuery } from '../schema';
import { readsWholeChain } from '../scope';
import type { WeeklyStoreReport } from '../views';
import { daysOfWeek, weeklyStoreReport } from '../weekly';

/** 周报表: a store's ISO week from its seven day aggregates (one Query, never the tickets). */
export async function getWeeklyStoreReport(
  principal: Principal,
  query: GetWeeklyStoreReportQuery,
): Promise<WeeklyStoreReport> {
  // Out of scope before anything is read: nothing tells a supervisor whether another store exists.
  if (!readsWholeChain(principal)) assertStoreAccess(principal, query.storeId);
  const store = await findStore(principal.tenantId, query.storeId);
  if (!store) throw notFound('store');
  const dates = daysOfWeek(query.week);
  const days = await readStoreDays(principal.tenantId, store.id, dates[0] as string, dates[6] as string);
  return weeklyStoreReport(store, query.week, days);
}
