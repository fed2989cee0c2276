import type { ReturnSummary, ReturnSummaryRow } from '../../exports/views';
import type { Counters } from '../../reports/counters';
import { datesBetween } from '../../reports/sla';

/*
 * 无理由退货处理汇总表: per local day and for the period, from the store-day aggregates the change
 * stream keeps (shared/reports): O(days), never the cases. A case counts as opened on the day it
 * was decided and as finished (by outcome, with the refunded amount) on the day it was finished.
 * The aggregates hold no split by category, nor outcomes or amounts by kind or reason: the table
 * has no such columns rather than a scan of the cases.
 */

export function returnSummaryRowOf(day: string, counters: Readonly<Counters>): ReturnSummaryRow {
  const n = (name: string) => counters[name] ?? 0;
  return {
    day,
    opened: n('returns.opened'),
    returns: n('returns.opened.return'),
    exchanges: n('returns.opened.exchange'),
    noReason: n('returns.reason.no_reason'),
    qualityProblem: n('returns.reason.quality_problem'),
    finished: n('returns.finished'),
    refunded: n('returns.outcome.refund'),
    exchanged: n('returns.outcome.exchange'),
    repaired: n('returns.outcome.repair'),
    refused: n('returns.outcome.refused'),
    refundedAmount: n('returns.refunded.amount'),
    overrides: n('returns.overrides'),
  };
}

export function returnSummaryOf(
  store: { storeId: string; storeCode: string; storeName: string; timezone: string },
  from: string,
  to: string,
  days: ReadonlyMap<string, Readonly<Counters>>,
): ReturnSummary {
  const rows = datesBetween(from, to).map((day) => returnSummaryRowOf(day, days.get(day) ?? {}));
  const total = returnSummaryRowOf('total', {});
  for (const row of rows) {
    for (const field of Object.keys(total) as (keyof ReturnSummaryRow)[]) {
      if (field !== 'day') total[field] += row[field];
    }
  }
  return { ...store, from, to, days: rows, total };
}
