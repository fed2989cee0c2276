import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { slaReportTable } from '../../shared/exports/reports';
import { tableCsv } from '../../shared/exports/table';
import { getSlaReportQuery } from '../../shared/reports/schema';
import { datesBetween, slaReport } from '../../shared/reports/sla';

const store = { id: 'S1', code: 'SH01', name: '上海一店', timezone: 'Asia/Shanghai' };

describe('getSlaReportQuery', () => {
  const query = (from: string, to: string) =>
    getSlaReportQuery.safeParse({ storeId: '01JDQ7Z6W8G5V4T3S2R1Q0P9N8', from, to });
  it('takes from ≤ to, at most 92 days', () => {
    expect(query('2026-11-01', '2026-11-01').success).toBe(true);
    expect(query('2026-10-01', '2026-12-31').success).toBe(true); // 92 days
    expect(query('2026-10-01', '2027-01-01').success).toBe(false); // 93
    expect(query('2026-11-02', '2026-11-01').success).toBe(false);
    expect(query('2026-02-30', '2026-03-01').success).toBe(false);
  });
});

describe('slaReport', () => {
  const report = slaReport(
    store,
    '2026-11-29',
    '2026-12-01',
    new Map<string, Record<string, number>>([
      ['2026-11-29', { 'sla.firstResponse.met': 3, 'sla.firstResponse.breached': 1, escalations: 1 }],
      ['2026-12-01', { 'sla.resolution.met': 2, 'sla.resolution.warned': 1, 'sla.resolution.breached': 1 }],
      ['2026-12-02', { 'sla.resolution.met': 50 }], // after `to`: left out
    ]),
  );

  it('one row per local day across the month boundary, rates over met + breached, a total', () => {
    expect(datesBetween('2026-11-29', '2026-12-01')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(report.days.map((row) => [row.day, row.firstResponseMetRate, row.resolutionMetRate])).toEqual([
      ['2026-11-29', 0.75, null],
      ['2026-11-30', null, null],
      ['2026-12-01', null, 0.667],
    ]);
    expect(report.total).toEqual({
      day: 'total',
      firstResponseMet: 3,
      firstResponseBreached: 1,
      firstResponseWarned: 0,
      firstResponseMetRate: 0.75,
      resolutionMet: 2,
      resolutionBreached: 1,
      resolutionWarned: 1,
      resolutionMetRate: 0.667,
      escalations: 1,
    });
  });

  it('CSV: BOM, Chinese headers, 合计 last; read back intact', () => {
    const csv = tableCsv(slaReportTable(report));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.日期)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '合计']);
    expect(rows[3]).toMatchObject({ 首次响应达标: '3', 解决超时: '1', 解决达标率: '0.667', 升级次数: '1' });
    expect(rows[1]?.首次响应达标率).toBe('');
  });
});
