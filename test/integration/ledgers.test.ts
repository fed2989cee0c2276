import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Equipment } from '../../shared/equipment/views';
import type { LedgerPage } from '../../shared/ledgers/views';
import type { Ticket } from '../../shared/tickets/views';
import { setClockOffset } from '../../shared/time/clock';
import { type DeskFixture, deskFixture, succeeded } from '../kit/fixtures';
import { type InvocationResult, invoke } from '../kit/invoke';

const setClock = (at: string) => setClockOffset(Date.parse(at) - Date.now());
afterEach(() => setClockOffset(0));

/** The sheets of an XLSX answer, read back with the reader of the writer's author. */
const sheetsOf = (result: InvocationResult<unknown>) =>
  readExcelFile(Buffer.from(String(result.body), 'base64'));

let desk: DeskFixture;
// Nine writes of setup: a bound for a loaded machine, like the tests' own.
beforeAll(async () => {
  desk = await deskFixture('ledgers');
}, 60_000);

/** A ticket opened at `at` (the store is in Asia/Shanghai: UTC+8). */
async function ticketAt(at: string, body: Record<string, unknown>): Promise<Ticket> {
  setClock(at);
  return succeeded<Ticket>('createTicket', {
    caller: desk.admin,
    body: { storeId: desk.store.id, channel: 'walk_in', ...body },
  });
}

describe('ledger and register exports', () => {
  it('exportLedger: a store’s local days, by type, 未处理/处理中/已解决, as JSON, CSV and XLSX, paged', async () => {
    // 2026-11-01 23:30 local, 2026-11-02 00:30 local, 2026-11-02 10:00 local, 2026-11-03 00:00 local.
    const before = await ticketAt('2026-11-01T15:30:00Z', { type: 'repair', subject: 'before the range' });
    const first = await ticketAt('2026-11-01T16:30:00Z', {
      type: 'repair',
      subject: '冰箱不制冷',
      description: '购买两周，冷藏室不制冷',
      contact: { name: '张伟', phone: '13812345678' },
    });
    const second = await ticketAt('2026-11-02T02:00:00Z', { type: 'inquiry', subject: '=营业时间?' });
    await ticketAt('2026-11-02T16:00:00Z', { type: 'repair', subject: 'after the range' });
    await succeeded('assignTicket', {
      caller: desk.as.supervisor,
      params: { ticketId: first.id },
      body: { assigneeId: desk.staff.tech.id },
    });
    await succeeded('transitionTicket', {
      caller: desk.as.tech,
      params: { ticketId: first.id },
      body: { to: 'in_progress', version: 2 },
    });
    setClockOffset(0);
    const query = { storeId: desk.store.id, from: '2026-11-02', to: '2026-11-02' };

    const json = await invoke<LedgerPage>('exportLedger', { caller: desk.as.supervisor, query });
    expect(json.status).toBe(200);
    expect(json.body.items.map((line) => line.ticketId)).toEqual([first.id, second.id]);
    expect(json.body.items.map((line) => line.ticketId)).not.toContain(before.id);
    expect(json.body.items[0]).toMatchObject({
      openedAt: '2026-11-02 00:30',
      customerName: '张伟',
      contact: '13812345678',
      status: 'in_progress',
      ledgerStatus: '处理中',
      assigneeName: 'tech',
    });
    expect(json.body.items[1]).toMatchObject({ ledgerStatus: '未处理', openedAt: '2026-11-02 10:00' });

    const repairs = await invoke<LedgerPage>('exportLedger', {
      caller: desk.as.supervisor,
      query: { ...query, type: 'repair' },
    });
    expect(repairs.body.items.map((line) => line.ticketId)).toEqual([first.id]);

    const csv = await invoke('exportLedger', {
      caller: desk.as.supervisor,
      query: { ...query, format: 'csv' },
    });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('服务台台账-SH01-2026-11-02-2026-11-02.csv')}`,
    );
    const text = String(csv.body);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.工单号, row.客户姓名, row.工单类型, row.处理状态, row.处理人])).toEqual([
      [first.number, '张伟', '维修', '处理中', 'tech'],
      [second.number, '', '咨询', '未处理', ''],
    ]);
    expect(rows[1]?.工单主题).toBe("'=营业时间?");

    // One line a page: the cursor of the file answer is in `next-cursor`, and takes the next line.
    const page1 = await invoke('exportLedger', {
      caller: desk.as.supervisor,
      query: { ...query, format: 'xlsx', limit: '1' },
    });
    expect(page1.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const [sheet1] = await sheetsOf(page1);
    expect(sheet1?.sheet).toBe('服务台台账');
    expect(sheet1?.data[0]?.slice(0, 5)).toEqual(['工单号', '登记时间', '客户姓名', '联系方式', '工单类型']);
    expect(sheet1?.data.slice(1).map((row) => [row[0], row[3]])).toEqual([[first.number, '13812345678']]);
    const cursor = page1.headers['next-cursor'];
    expect(cursor).toBeTruthy();
    const page2 = await invoke('exportLedger', {
      caller: desk.as.supervisor,
      query: { ...query, format: 'xlsx', limit: '1', cursor: cursor as string },
    });
    const [sheet2] = await sheetsOf(page2);
    expect(sheet2?.data.slice(1).map((row) => row[0])).toEqual([second.number]);

    const elsewhere = await invoke('exportLedger', {
      caller: desk.as.supervisor,
      query: { ...query, storeId: desk.otherStore.id },
    });
    expect([elsewhere.status, (elsewhere.body as { code?: string }).code]).toEqual([
      403,
      'store_out_of_scope',
    ]);
    const backwards = await invoke('exportLedger', {
      caller: desk.as.supervisor,
      query: { ...query, from: '2026-11-03' },
    });
    expect(backwards.status).toBe(400);
  });

  it('createEquipment, updateEquipment, listEquipment and exportEquipmentRegister: the 设备管理表', async () => {
    const radio = await invoke<Equipment>('createEquipment', {
      caller: desk.as.desk,
      body: {
        storeId: desk.store.id,
        name: '对讲机',
        model: 'T82',
        serialNumber: '00123',
        issuedTo: '王芳',
        issuedOn: '2026-11-02',
      },
    });
    expect(radio.status).toBe(201);
    const early = await invoke('updateEquipment', {
      caller: desk.as.desk,
      params: { equipmentId: radio.body.id },
      body: { returnedOn: '2026-11-01', version: 1 },
    });
    expect(early.status).toBe(400);
    const returned = await invoke<Equipment>('updateEquipment', {
      caller: desk.as.desk,
      params: { equipmentId: radio.body.id },
      body: { returnedOn: '2026-11-05', note: null, version: 1 },
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ returnedOn: '2026-11-05', issuedTo: '王芳', version: 2 });
    const stale = await invoke('updateEquipment', {
      caller: desk.as.desk,
      params: { equipmentId: radio.body.id },
      body: { issuedTo: '李娜', version: 1 },
    });
    expect(stale.status).toBe(409);
    await succeeded('createEquipment', {
      caller: desk.as.desk,
      body: { storeId: desk.store.id, name: '扫码枪', returnedOn: '2026-11-05' },
    }).then(
      () => expect.unreachable('a return date without an issue date is refused'),
      (error: Error) => expect(error.message).toContain('400'),
    );

    const list = await invoke<{ items: Equipment[] }>('listEquipment', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id },
    });
    expect(list.body.items.map((item) => item.id)).toEqual([radio.body.id]);

    const xlsx = await invoke('exportEquipmentRegister', {
      caller: desk.as.supervisor,
      query: { storeId: desk.store.id, format: 'xlsx' },
    });
    expect(xlsx.status).toBe(200);
    const [sheet] = await sheetsOf(xlsx);
    expect(sheet?.data).toEqual([
      ['设备名称', '型号', '序列号', '领用人', '领用日期', '归还日期', '备注'],
      ['对讲机', 'T82', '00123', '王芳', '2026-11-02', '2026-11-05', null],
    ]);
    const desk403 = await invoke('exportEquipmentRegister', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id },
    });
    expect(desk403.status).toBe(403);
  });

  it('exportStaffRegister and getWeeklyStoreReport as XLSX: Chinese headers and rows read back', async () => {
    const staff = await invoke('exportStaffRegister', {
      caller: desk.as.manager,
      query: { storeId: desk.store.id, format: 'xlsx' },
    });
    const [register] = await sheetsOf(staff);
    expect(register?.data[0]).toEqual(['姓名', '职位', '联系电话', '电子邮箱', '登记日期']);
    const roles = Object.fromEntries(register?.data.slice(1).map((row) => [row[0], row[1]]) ?? []);
    expect(roles).toMatchObject({ desk: '前台接待', supervisor: '主管', handler: '投诉处理专员' });
    expect(roles).not.toHaveProperty('elsewhere');

    const weekly = await invoke('getWeeklyStoreReport', {
      caller: desk.as.manager,
      query: { storeId: desk.store.id, week: '2026-W45', format: 'xlsx' },
    });
    expect(weekly.headers['content-disposition']).toContain('filename="weekly-SH01-2026-W45.xlsx"');
    const [report] = await sheetsOf(weekly);
    expect(report?.sheet).toBe('周报表 2026-W45');
    expect(report?.data[0]?.slice(0, 3)).toEqual(['日期', '新建工单', '已解决']);
    expect(report?.data.map((row) => row[0])).toEqual([
      '日期',
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
      '2026-11-08',
      '合计',
    ]);
  });
});
