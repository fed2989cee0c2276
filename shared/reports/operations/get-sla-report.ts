import { assertStoreAccess, type Principal } from '../../access/principal';
import { notFound } from '../../errors';
import { findStore } from '../../stores/repository';
import { readStoreDays } from '../repository';
import type { GetSlaReportQuery } from '../schema';
import { readsWholeChain } from '../scope';
import { slaReport } from '../sla';
import type { SlaReport } from '../views';

/** SLA report of a store's local days `from`–`to`: one Query of at most 92 day items, never the tickets. */
export async function getSlaReport(principal: Principal, query: GetSlaReportQuery): Promise<SlaReport> {
  if (!readsWholeChain(principal)) assertStoreAccess(principal, query.storeId);
  const store = await findStore(principal.tenantId, query.storeId);
  if (!store) throw notFound('store');
  const days = await readStoreDays(principal.tenantId, store.id, query.from, query.to);
  return slaReport(store, query.from, query.to, days);
}
