import type { WeeklyRow, WeeklyStoreReport } from '../reports/views';
import { weeklyColumns } from '../reports/weekly';
import { type Table, tableOf } from './table';

/** 周报表 as a table: one row per local day, then 合计; the report's own columns and headers. */
export function weeklyStoreTable(report: WeeklyStoreReport): Table {
  return tableOf(
    `周报表 ${report.week}`,
    weeklyColumns.map(([field, header]) => ({ header, value: (row: WeeklyRow) => row[field] })),
    [...report.days, { ...report.total, day: '合计' }],
  );
}
