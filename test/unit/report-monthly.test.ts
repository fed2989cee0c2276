import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { monthlyStaffTable } from '../../shared/exports/reports';
import { tableCsv } from '../../shared/exports/table';
import { daysOfMonth, monthlyRow, monthlyStaffAssessment } from '../../shared/reports/monthly';
import { getMonthlyStaffAssessmentQuery } from '../../shared/reports/schema';

const store = { id: 'S1', code: 'SH01', name: '上海一店', timezone: 'Asia/Shanghai' };

describe('daysOfMonth', () => {
  it('lists the local dates of a month, leap Februaries included', () => {
    expect(daysOfMonth('2026-11')).toHaveLength(30);
    expect(daysOfMonth('2026-11')[0]).toBe('2026-11-01');
    expect(daysOfMonth('2026-11').at(-1)).toBe('2026-11-30');
    expect(daysOfMonth('2028-02').at(-1)).toBe('2028-02-29');
    expect(daysOfMonth('2026-02').at(-1)).toBe('2026-02-28');
    expect(daysOfMonth('2026-12').at(-1)).toBe('2026-12-31');
  });
});

describe('getMonthlyStaffAssessmentQuery', () => {
  it('takes a real month in 2000–2100 and defaults to JSON', () => {
    const parse = (month: string) =>
      getMonthlyStaffAssessmentQuery.safeParse({ storeId: '01JDQ7Z6W8G5V4T3S2R1Q0P9N8', month });
    expect(parse('2026-11').data?.format).toBe('json');
    for (const bad of ['2026-13', '2026-00', '2026-1', '1999-12', '2101-01', '2026-11-01']) {
      expect(parse(bad).success, bad).toBe(false);
    }
  });
});

describe('monthlyRow', () => {
  it('rates over their denominators, the median from the buckets, both kinds of score averaged', () => {
    const row = monthlyRow(
      { staffId: 'ST1', userId: 'u1', name: '李' },
      {
        resolved: 5,
        'sla.resolution.resolved': 3,
        'sla.resolution.met': 2,
        'firstResponse.count': 3,
        'firstResponse.le15': 1,
        'firstResponse.le60': 1,
        'firstResponse.le240': 1,
        'satisfaction.count': 2,
        'satisfaction.sum': 9,
        'complaints.satisfaction.count': 1,
        'complaints.satisfaction.sum': 2,
        'revisits.done': 3,
        'revisits.failed': 1,
      },
      2,
    );
    expect(row).toEqual({
      staffId: 'ST1',
      userId: 'u1',
      name: '李',
      handled: 5,
      resolvedWithSla: 3,
      resolvedOnTime: 2,
      onTimeRate: 0.667,
      firstResponses: 3,
      firstResponseMedianMinutes: 60,
      satisfactionCount: 3,
      satisfactionAverage: 3.7, // (9 + 2) / 3
      revisitsDone: 3,
      revisitsFailed: 1,
      revisitCompletionRate: 0.75,
      complaintsAgainst: 2,
    });
  });

  it('no denominator: null rates and averages, not 0', () => {
    expect(monthlyRow({}, {}, 0)).toMatchObject({
      staffId: null,
      onTimeRate: null,
      firstResponseMedianMinutes: null,
      satisfactionAverage: null,
      revisitCompletionRate: null,
    });
  });
});

describe('monthlyStaffAssessment', () => {
  const report = monthlyStaffAssessment(
    store,
    '2026-11',
    [
      { staffId: 'ST1', userId: 'u1', name: '王芳' },
      { staffId: 'ST2', userId: 'u2', name: '李强' },
      { staffId: 'ST3', name: '张伟' }, // not linked to a sign-in: no days, still assessed
    ],
    [
      { userId: 'u1', counters: { resolved: 2 } },
      { userId: 'u1', counters: { resolved: 1, 'revisits.done': 1 } },
      { userId: 'u9', counters: { resolved: 1 } }, // acted here, not in the store's directory
    ],
    new Map<string, Record<string, number>>([
      ['2026-11-03', { resolved: 4, 'complaints.against.ST2': 1 }],
      ['2026-11-20', { 'complaints.against.ST2': 1, 'complaints.against.ST3': 1, 'revisits.done': 1 }],
      ['2026-12-01', { resolved: 100, 'complaints.against.ST2': 5 }], // next month: left out
    ]),
  );

  it('one row per directory member and per identity that acted, days summed, complaints against joined by staff id', () => {
    expect(report.from).toBe('2026-11-01');
    expect(report.to).toBe('2026-11-30');
    expect(
      report.staff.map((row) => [row.name, row.userId, row.handled, row.revisitsDone, row.complaintsAgainst]),
    ).toEqual([
      ['李强', 'u2', 0, 0, 2],
      ['王芳', 'u1', 3, 1, 0],
      ['张伟', null, 0, 0, 1],
      [null, 'u9', 1, 0, 0],
    ]);
    expect(report.store).toMatchObject({
      name: '上海一店',
      handled: 4,
      revisitsDone: 1,
      complaintsAgainst: 3,
    });
  });

  it('CSV: BOM, Chinese headers, the store row last, empty cells for no value; read back intact', () => {
    const csv = tableCsv(monthlyStaffTable(report));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.员工)).toEqual(['李强', '王芳', '张伟', '', '门店合计']);
    expect(rows[1]).toMatchObject({ 处理工单数: '3', 回访完成: '1', 回访完成率: '1', 按时解决率: '' });
    expect(rows[4]).toMatchObject({ 处理工单数: '4', 被投诉次数: '3' });
  });
});
