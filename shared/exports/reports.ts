import { chainColumns, chainTotalRow } from '../reports/chain';
import { monthlyColumns } from '../reports/monthly';
import { slaColumns } from '../reports/sla';
import type {
  ChainReport,
  ChainReportRow,
  MonthlyStaffAssessment,
  MonthlyStaffRow,
  SlaReport,
  SlaReportRow,
  WeeklyRow,
  WeeklyStoreReport,
} from '../reports/views';
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

/** 月考核表 as a table: one row per staff member, then the store's own month as 门店合计. */
export function monthlyStaffTable(report: MonthlyStaffAssessment): Table {
  return tableOf(
    `月考核表 ${report.month}`,
    monthlyColumns.map(([field, header]) => ({ header, value: (row: MonthlyStaffRow) => row[field] })),
    [...report.staff, { ...report.store, name: '门店合计' }],
  );
}

/** The SLA report as a table: one row per local day, then 合计. */
export function slaReportTable(report: SlaReport): Table {
  return tableOf(
    `SLA ${report.from}~${report.to}`,
    slaColumns.map(([field, header]) => ({ header, value: (row: SlaReportRow) => row[field] })),
    [...report.days, { ...report.total, day: '合计' }],
  );
}

/** 连锁汇总 as a table: one row per store, then 合计 (本页合计 when paged). */
export function chainReportTable(report: ChainReport): Table {
  return tableOf(
    `连锁汇总 ${report.from}~${report.to}`,
    chainColumns.map(([field, header]) => ({ header, value: (row: ChainReportRow) => row[field] })),
    [...report.stores, chainTotalRow(report)],
  );
}
