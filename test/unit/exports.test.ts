import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { fileContentTypes } from '../../shared/exports/formats';
import { type Column, tableCsv, tableOf, tableXlsx } from '../../shared/exports/table';
import { fileAnswer } from '../../shared/http/export';
import { ledgerStatusOf } from '../../shared/ledgers/labels';
import { ledgerColumns } from '../../shared/ledgers/tables';
import type { LedgerLine } from '../../shared/ledgers/views';
import { localDaysRange, localMinute } from '../../shared/time/local-days';

interface Line {
  readonly number: string;
  readonly name?: string;
  readonly count: number;
}

const columns: readonly Column<Line>[] = [
  { header: '工单号', value: (line) => line.number },
  { header: '客户姓名', value: (line) => line.name },
  { header: '数量', value: (line) => line.count },
];
const lines: Line[] = [
  { number: '20261127-0001', name: '张伟', count: 3 },
  { number: '00042', count: 0 },
  { number: '=HYPERLINK("http://x")', name: '+86 138', count: -1 },
];

describe('export tables (shared/exports)', () => {
  it('tableCsv: a BOM, Chinese headers, CRLF rows, formulas made inert, empty cells empty', () => {
    const csv = tableCsv(tableOf('服务台台账', columns, lines));
    expect(csv.startsWith('\uFEFF工单号,客户姓名,数量\r\n')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { 工单号: '20261127-0001', 客户姓名: '张伟', 数量: '3' },
      { 工单号: '00042', 客户姓名: '', 数量: '0' },
      { 工单号: '\'=HYPERLINK("http://x")', 客户姓名: "'+86 138", 数量: '-1' },
    ]);
  });

  it('tableXlsx: read back, the sheet has the headers, text stays text and numbers numbers', async () => {
    const sheets = await readExcelFile(await tableXlsx(tableOf('服务台台账', columns, lines)));
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['服务台台账']);
    expect(sheets[0]?.data).toEqual([
      ['工单号', '客户姓名', '数量'],
      ['20261127-0001', '张伟', 3],
      ['00042', null, 0],
      // A workbook cell holds text, never a formula: nothing to neutralise.
      ['=HYPERLINK("http://x")', '+86 138', -1],
    ]);
  });

  it('tableOf: a sheet name Excel accepts (31 characters, none of []:*?/\\)', () => {
    const { sheet } = tableOf('周报表 [2026/W48]: a very long title indeed', columns, []);
    expect(sheet).toBe('周报表  2026 W48   a very long tit');
    expect(sheet).toHaveLength(31);
  });

  it('fileAnswer: content type, a Chinese file name with an ASCII fallback, the next page’s cursor', async () => {
    const table = tableOf('设备管理表', columns, lines);
    const name = { ascii: 'equipment-S 01', title: '设备管理表-S01' };
    const xlsx = await fileAnswer('xlsx', table, name, 'next-page');
    expect(xlsx.content?.type).toBe(fileContentTypes.xlsx);
    expect(xlsx.content && 'bytes' in xlsx.content && xlsx.content.bytes.subarray(0, 2).toString()).toBe(
      'PK',
    );
    expect(xlsx.headers).toEqual({
      'content-disposition': `attachment; filename="equipment-S_01.xlsx"; filename*=UTF-8''${encodeURIComponent('设备管理表-S01.xlsx')}`,
      'next-cursor': 'next-page',
    });
    const csv = await fileAnswer('csv', table, name, null);
    expect(csv.content?.type).toBe('text/csv; charset=utf-8');
    expect(csv.headers?.['next-cursor']).toBeUndefined();
    expect(csv.headers?.['content-disposition']).toContain('filename="equipment-S_01.csv"');
  });
});

describe('the ledger (服务台台账)', () => {
  it('maps every ticket status to 未处理 / 处理中 / 已解决, cancelled to 已取消', () => {
    expect(ledgerStatusOf).toEqual({
      new: '未处理',
      assigned: '未处理',
      in_progress: '处理中',
      pending_customer: '处理中',
      pending_third_party: '处理中',
      resolved: '已解决',
      closed: '已解决',
      cancelled: '已取消',
    });
  });

  it('has every column of the template’s 工单记录表, in Chinese', () => {
    const headers = ledgerColumns.map((column) => column.header);
    for (const header of ['客户姓名', '联系方式', '工单类型', '工单内容', '处理状态']) {
      expect(headers).toContain(header);
    }
    const line: LedgerLine = {
      ticketId: '01JDQ80C1B2C3D4E5F6G7H8J9K',
      number: 'S01-20261127-0001',
      openedAt: '2026-11-27 09:05',
      customerName: '张伟',
      contact: '13812345678',
      type: 'repair',
      channel: 'walk_in',
      priority: 'high',
      subject: '冰箱不制冷',
      description: '购买两周，冷藏室不制冷',
      status: 'pending_customer',
      ledgerStatus: '处理中',
      reopenCount: 0,
    };
    const [row] = tableOf('服务台台账', ledgerColumns, [line]).rows;
    expect(Object.fromEntries(headers.map((header, index) => [header, row?.[index]]))).toMatchObject({
      工单类型: '维修',
      受理渠道: '来访',
      优先级: '高',
      处理状态: '处理中',
      处理人: null,
    });
  });

  it('reads a range of local days as the instants of those days in the store’s zone', () => {
    const [from, to] = localDaysRange('2026-11-01', '2026-11-30', 'Asia/Shanghai');
    expect(new Date(from).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(new Date(to).toISOString()).toBe('2026-11-30T15:59:59.999Z');
    // A day of 23 hours: the end of the day after a spring-forward is still the next local midnight.
    const [, endOfSpringDay] = localDaysRange('2026-03-08', '2026-03-08', 'America/New_York');
    expect(new Date(endOfSpringDay).toISOString()).toBe('2026-03-09T03:59:59.999Z');
    expect(localMinute('2026-11-27T01:05:30Z', 'Asia/Shanghai')).toBe('2026-11-27 09:05');
  });
});
