import { addCounters, type Counters } from './counters';
import type { ChainReport, ChainReportRow, HeadlineFigures } from './views';
import { headlineColumns, headlineFiguresOf } from './weekly';

/*
 * Chain-wide roll-up (连锁汇总): the weekly report's figures per store over a range of its local
 * days, and the total of the stores. Every figure is computed from summed counters (a store's days,
 * then every store's), never from the rows: averages and bucket medians of the total are the
 * chain's own, not averages of averages.
 */

export interface ChainStore {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly timezone: string;
}

/** A store's counters over its days: the sum of its day items. */
export function sumOfDays(days: ReadonlyMap<string, Counters>): Counters {
  const sum: Counters = {};
  for (const counters of days.values()) addCounters(sum, counters);
  return sum;
}

export function chainReport(
  range: { readonly from: string; readonly to: string },
  stores: readonly { readonly store: ChainStore; readonly counters: Readonly<Counters> }[],
  page: { readonly cursor: string | null; readonly firstPage: boolean },
): ChainReport {
  const total: Counters = {};
  for (const { counters } of stores) addCounters(total, counters);
  const rows = [...stores]
    .sort((a, b) => a.store.code.localeCompare(b.store.code))
    .map(
      ({ store, counters }): ChainReportRow => ({
        storeId: store.id,
        storeCode: store.code,
        storeName: store.name,
        timezone: store.timezone,
        ...headlineFiguresOf(counters),
      }),
    );
  return {
    from: range.from,
    to: range.to,
    stores: rows,
    total: headlineFiguresOf(total),
    totalCoversAllStores: page.firstPage && page.cursor === null,
    cursor: page.cursor,
  };
}

/** The file answers' columns: the store, then the weekly report's figures (Chinese headers). */
export const chainColumns: readonly [keyof ChainReportRow, string][] = [
  ['storeCode', '门店编号'],
  ['storeName', '门店名称'],
  ...headlineColumns,
];

/** The file's last row: 合计 over every store asked for, 本页合计 when the stores came in pages. */
export function chainTotalRow(report: ChainReport): ChainReportRow {
  const total: HeadlineFigures = report.total;
  return {
    storeId: '',
    storeCode: report.totalCoversAllStores ? '合计' : '本页合计',
    storeName: '',
    timezone: '',
    ...total,
  };
}
