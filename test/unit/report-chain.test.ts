import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { chainReportTable } from '../../shared/exports/reports';
import { tableCsv, tableXlsx } from '../../shared/exports/table';
import { chainColumns, chainReport, sumOfDays } from '../../shared/reports/chain';
import type { Counters } from '../../shared/reports/counters';
import { getChainReportQuery } from '../../shared/reports/schema';
import { headlineColumns } from '../../shared/reports/weekly';

const shanghai = {
  id: '01JDQ7Z6W8G5V4T3S2R1Q0P9NA',
  code: 'SH01',
  name: '上海一店',
  timezone: 'Asia/Shanghai',
};
const beijing = {
  id: '01JDQ7Z6W8G5V4T3S2R1Q0P9NB',
  code: 'BJ01',
  name: '北京一店',
  timezone: 'Asia/Shanghai',
};

// Shanghai: two days; one answer in 20 min, 2 resolved, a refund of ¥129 and a valid complaint.
const shanghaiDays = new Map<string, Counters>([
  [
    '2026-11-30',
    {
      opened: 2,
      'firstResponse.count': 1,
      'firstResponse.minutes': 20,
      'firstResponse.le30': 1,
      resolved: 1,
      'returns.opened.return': 1,
      'returns.outcome.refund': 1,
      'returns.refunded.amount': 12_900,
    },
  ],
  ['2026-12-01', { opened: 1, resolved: 1, 'complaints.opened': 1, 'complaints.validity.valid': 1 }],
]);
// Beijing: three answers of 10 min each (30 in all), a claim of ¥50 approved and paid, a safe box.
const beijingDays = new Map<string, Counters>([
  [
    '2026-12-01',
    {
      opened: 3,
      'firstResponse.count': 3,
      'firstResponse.minutes': 30,
      'firstResponse.le15': 3,
      'compensation.claimed': 1,
      'compensation.claimed.amount': 5_000,
      'compensation.approved.amount': 5_000,
      'compensation.paid.amount': 5_000,
      'safeBoxes.opened': 1,
      'safeBoxes.accessed': 2,
    },
  ],
]);

const range = { from: '2026-11-30', to: '2026-12-06' };
const stores = [
  { store: shanghai, counters: sumOfDays(shanghaiDays) },
  { store: beijing, counters: sumOfDays(beijingDays) },
];

describe('chainReport (连锁汇总)', () => {
  it('one row per store, by code, with its days summed; the total from summed counters, not from the rows', () => {
    const report = chainReport(range, stores, { cursor: null, firstPage: true });
    expect(report.stores.map((row) => [row.storeCode, row.storeName])).toEqual([
      ['BJ01', '北京一店'],
      ['SH01', '上海一店'],
    ]);
    const [bj, sh] = report.stores;
    expect(sh).toMatchObject({
      storeId: shanghai.id,
      opened: 3,
      resolved: 2,
      firstResponses: 1,
      firstResponseAverageMinutes: 20,
      firstResponseMedianMinutes: 30,
      returnsOpened: 1,
      returnsRefunded: 1,
      refundedAmount: 12_900,
      complaintsOpened: 1,
      complaintsValid: 1,
      compensationClaims: 0,
    });
    expect(bj).toMatchObject({
      opened: 3,
      firstResponses: 3,
      firstResponseAverageMinutes: 10,
      firstResponseMedianMinutes: 15,
      compensationClaims: 1,
      compensationClaimedAmount: 5_000,
      compensationPaidAmount: 5_000,
      safeBoxesOpened: 1,
      safeBoxesAccessed: 2,
    });
    // (20 + 30) / 4 = 12.5, where the average of the two stores' averages would be 15; the median
    // is the 2nd of 4 samples' bucket (≤ 15).
    expect(report.total).toMatchObject({
      opened: 6,
      resolved: 2,
      firstResponses: 4,
      firstResponseAverageMinutes: 12.5,
      firstResponseMedianMinutes: 15,
      refundedAmount: 12_900,
      compensationApprovedAmount: 5_000,
      complaintsValid: 1,
      safeBoxesAccessed: 2,
    });
    expect(report.totalCoversAllStores).toBe(true);
    expect(report.cursor).toBeNull();
  });

  it('a store without day items has a row of zeros; an empty page totals zero', () => {
    const quiet = chainReport(range, [{ store: shanghai, counters: sumOfDays(new Map()) }], {
      cursor: null,
      firstPage: true,
    });
    expect(quiet.stores[0]).toMatchObject({
      opened: 0,
      firstResponseAverageMinutes: null,
      refundedAmount: 0,
    });
    expect(chainReport(range, [], { cursor: null, firstPage: true }).total.opened).toBe(0);
  });

  it('the total covers every store only on a single page', () => {
    expect(chainReport(range, stores, { cursor: 'next', firstPage: true }).totalCoversAllStores).toBe(false);
    expect(chainReport(range, stores, { cursor: null, firstPage: false }).totalCoversAllStores).toBe(false);
  });

  it('as CSV and XLSX: the store, the weekly figures in Chinese, then 合计 (本页合计 when paged)', async () => {
    const report = chainReport(range, stores, { cursor: null, firstPage: true });
    const csv = tableCsv(chainReportTable(report));
    expect(csv.startsWith('\uFEFF门店编号,门店名称,新建工单,已解决,')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.门店编号, row.门店名称])).toEqual([
      ['BJ01', '北京一店'],
      ['SH01', '上海一店'],
      ['合计', ''],
    ]);
    expect(rows[2]).toMatchObject({
      新建工单: '6',
      '平均首次响应(工作分钟)': '12.5',
      '退款金额(分)': '12900',
      投诉属实: '1',
      '批准赔付金额(分)': '5000',
      保险箱存取: '2',
    });
    const sheets = await readExcelFile(await tableXlsx(chainReportTable(report)));
    const data = sheets[0]?.data ?? [];
    expect(data[0]).toEqual(chainColumns.map(([, header]) => header));
    expect(data.at(-1)?.slice(0, 3)).toEqual(['合计', null, 6]);
    const paged = chainReport(range, stores, { cursor: 'next', firstPage: true });
    expect(tableCsv(chainReportTable(paged))).toContain('\r\n本页合计,,6,');
  });

  it('every figure has one Chinese header, none repeated', () => {
    const headers = headlineColumns.map(([, header]) => header);
    expect(new Set(headers).size).toBe(headers.length);
    expect(headers.every((header) => /[\u4e00-\u9fff]/.test(header))).toBe(true);
  });
});

describe('getChainReportQuery', () => {
  const parse = (query: Record<string, string>) => getChainReportQuery.safeParse(query);
  const paths = (query: Record<string, string>) => {
    const result = parse(query);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.')).sort();
  };

  it('takes up to 92 local days and up to 100 comma-separated store ids, repeats dropped', () => {
    const result = parse({
      from: '2026-11-01',
      to: '2027-01-31',
      storeIds: `${shanghai.id},${beijing.id},${shanghai.id}`,
    });
    expect(result.success && result.data.storeIds).toEqual([shanghai.id, beijing.id]);
    expect(result.success && [result.data.limit, result.data.format]).toEqual([100, 'json']);
  });

  it('a range backwards or over 92 days names both ends; bad store ids name storeIds', () => {
    expect(paths({ from: '2026-12-06', to: '2026-11-30' })).toEqual(['from', 'to']);
    expect(paths({ from: '2026-11-01', to: '2027-02-01' })).toEqual(['from', 'to']); // 93 days
    expect(paths({ from: '2026-11-01', to: '2026-11-30', storeIds: 'SH01' })).toEqual(['storeIds']);
    const many = Array.from({ length: 101 }, () => shanghai.id).join(',');
    expect(paths({ from: '2026-11-01', to: '2026-11-30', storeIds: many })).toEqual(['storeIds']);
    expect(paths({ from: '2026-11-01', to: '2026-11-30', limit: '101' })).toEqual(['limit']);
  });
});
