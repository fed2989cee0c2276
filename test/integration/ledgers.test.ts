import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Equipment } from '../../shared/equipment/views';
import type {
  CompensationApprovalsPage,
  ComplaintRegisterPage,
  ReturnSummary,
  RevisitRegisterPage,
} from '../../shared/exports/views';
import type { HttpRouteName } from '../../shared/http/route-table';
import type { LedgerPage } from '../../shared/ledgers/views';
import { rebuildStoreDay } from '../../shared/reports/recount';
import type { Ticket } from '../../shared/tickets/views';
import { setClockOffset } from '../../shared/time/clock';
import { type DeskFixture, deskFixture, succeeded } from '../kit/fixtures';
import { admin, freshTenant, type InvocationResult, invoke } from '../kit/invoke';
import { newClaim, newComplaint } from '../kit/route-requests';

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

describe('registers of a period (登记表)', () => {
  const registers = [
    'exportReturnRegister',
    'exportReturnSummary',
    'exportComplaintRegister',
    'exportCompensationApprovals',
    'exportRevisitRegister',
  ] as const satisfies readonly HttpRouteName[];
  const day = { storeId: '', from: '2026-11-10', to: '2026-11-10' };

  it('exportReturnRegister, exportReturnSummary, exportComplaintRegister, exportCompensationApprovals, exportRevisitRegister: one register each over real cases, Chinese text intact', async () => {
    // 2026-11-10 10:00 in the store's zone (Asia/Shanghai).
    setClock('2026-11-10T02:00:00Z');
    const query = { ...day, storeId: desk.store.id };
    const customer = await succeeded<{ id: string }>('createCustomer', {
      caller: desk.as.desk,
      body: { phone: `139${String(Date.now()).slice(-8)}`, name: '张伟' },
    });
    const purchase = await succeeded<{ id: string }>('createPurchase', {
      caller: desk.admin,
      body: {
        customerId: customer.id,
        storeId: desk.store.id,
        orderNumber: 'NO-0042',
        items: [{ name: '电冰箱', category: 'appliance', amount: 399_900, warrantyMonths: 12 }],
        purchasedOn: '2026-11-08',
        deliveredOn: '2026-11-08',
      },
    });
    const ticket = await succeeded<Ticket>('createTicket', {
      caller: desk.admin,
      body: {
        storeId: desk.store.id,
        type: 'return',
        channel: 'walk_in',
        subject: '冰箱退货',
        customerId: customer.id,
        purchaseId: purchase.id,
      },
    });
    const returned = await succeeded<{ id: string; version: number; allowedOutcomes: string[] }>(
      'createReturn',
      {
        caller: desk.as.desk,
        body: {
          ticketId: ticket.id,
          customerId: customer.id,
          purchaseId: purchase.id,
          kind: 'return',
          reason: 'no_reason',
          description: '颜色不合适',
          items: [{ line: 1 }],
        },
      },
    );
    expect(returned.allowedOutcomes).toContain('refund');
    // Goods back, the refund above the tenant's threshold approved by a supervisor, then paid.
    let version = returned.version;
    for (const [caller, body] of [
      [desk.as.desk, { step: 'receive_goods', outcome: 'refund' }],
      [desk.as.supervisor, { step: 'approve_refund', amount: 399_900 }],
      [desk.as.desk, { step: 'refund', amount: 399_900, method: 'wechat_pay', reference: 'WX-1' }],
    ] as const) {
      const step = await succeeded<{ version: number }>('recordReturnStep', {
        caller,
        params: { returnId: returned.id },
        body: { ...body, version },
      });
      version = step.version;
    }
    await newComplaint(desk);
    await newClaim(desk);
    // One revisit already due (status due), one later today (scheduled): two status views.
    const [due, later] = await Promise.all(
      ['2026-11-10T01:00:00Z', '2026-11-10T06:00:00Z'].map((dueAt) =>
        succeeded<{ id: string }>('createRevisit', {
          caller: desk.admin,
          body: { customerId: customer.id, storeId: desk.store.id, dueAt, note: '送货后回访' },
        }),
      ),
    );
    setClockOffset(0);

    const returnsCsv = await invoke('exportReturnRegister', {
      caller: desk.as.desk,
      query: { ...query, format: 'csv' },
    });
    expect(returnsCsv.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('无理由退货处理单-SH01-2026-11-10-2026-11-10.csv')}`,
    );
    const returnRows = parse(String(returnsCsv.body), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(
      returnRows.map((row) => [
        row.工单号,
        row.顾客姓名,
        row.订单号,
        row.商品名称及数量,
        row.退换原因,
        row.处理结果,
        row['退款金额(元)'],
        row.退款方式,
        row.经办人,
        row.审批人,
        row.状态,
      ]),
    ).toEqual([
      [
        ticket.number,
        '张伟',
        'NO-0042',
        '电冰箱×1',
        '无理由',
        '退款',
        '3999',
        '微信支付',
        'desk',
        'supervisor',
        '已办结',
      ],
    ]);

    // The summary reads the store-day aggregates; the recount writes the day from the cases here.
    await rebuildStoreDay(desk.tenant, desk.store.id, '2026-11-10');
    const summary = await invoke<ReturnSummary>('exportReturnSummary', { caller: desk.as.desk, query });
    expect(summary.body.total).toMatchObject({
      opened: 1,
      returns: 1,
      noReason: 1,
      finished: 1,
      refunded: 1,
      refundedAmount: 399_900,
    });
    const [summarySheet] = await sheetsOf(
      await invoke('exportReturnSummary', { caller: desk.as.desk, query: { ...query, format: 'xlsx' } }),
    );
    expect(summarySheet?.data.map((row) => row.slice(0, 2))).toEqual([
      ['日期', '受理单数'],
      ['2026-11-10', 1],
      ['合计', 1],
    ]);

    const complaints = await invoke<ComplaintRegisterPage>('exportComplaintRegister', {
      caller: desk.as.handler,
      query,
    });
    expect(complaints.body.items.map((line) => [line.complainant, line.content, line.channel])).toEqual([
      ['王女士', '衣柜门脱落', 'hotline'],
    ]);
    const [complaintSheet] = await sheetsOf(
      await invoke('exportComplaintRegister', {
        caller: desk.as.handler,
        query: { ...query, format: 'xlsx' },
      }),
    );
    expect(complaintSheet?.sheet).toBe('消费者投诉处理登记表');
    expect(complaintSheet?.data[1]?.slice(2, 7)).toEqual([
      '热线',
      '王女士',
      '13800138000',
      '衣柜门脱落',
      '商品质量',
    ]);

    const claims = await invoke<CompensationApprovalsPage>('exportCompensationApprovals', {
      caller: desk.as.desk,
      query,
    });
    expect(claims.body.items.map((line) => [line.claimed, line.status, line.requestedBy])).toEqual([
      [30_000, 'pending_approval', 'desk'],
    ]);
    const claimsCsv = await invoke('exportCompensationApprovals', {
      caller: desk.as.desk,
      query: { ...query, format: 'csv' },
    });
    const claimRows = parse(String(claimsCsv.body), { bom: true, columns: true }) as Record<string, string>[];
    expect(claimRows.map((row) => [row['申请金额(元)'], row.状态, row['批准金额(元)']])).toEqual([
      ['300', '待审批', ''],
    ]);

    // One revisit a page: the cursor walks from the scheduled view to the due one, then ends.
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await invoke<RevisitRegisterPage>('exportRevisitRegister', {
        caller: desk.as.desk,
        query: { ...query, limit: '1', ...(cursor ? { cursor } : {}) },
      });
      expect(result.status).toBe(200);
      seen.push(
        ...result.body.items.map(
          (line) => `${line.revisitId} ${line.status} ${line.customerName} ${line.note}`,
        ),
      );
      cursor = result.body.cursor ?? undefined;
      if (!cursor) break;
    }
    expect(cursor).toBeUndefined();
    expect(seen).toEqual([`${later?.id} scheduled 张伟 送货后回访`, `${due?.id} due 张伟 送货后回访`]);
    const [revisitSheet] = await sheetsOf(
      await invoke('exportRevisitRegister', { caller: desk.as.desk, query: { ...query, format: 'xlsx' } }),
    );
    expect(revisitSheet?.data.map((row) => [row[0], row[3], row[14]])).toEqual([
      ['应回访时间', '顾客姓名', '状态'],
      ['2026-11-10 14:00', '张伟', '待回访'],
      ['2026-11-10 09:00', '张伟', '到期待办'],
    ]);
  });

  it('the registers: another tenant’s store is 404, a bad period a 400 naming its fields', async () => {
    const stranger = admin(freshTenant('ledgers-other'));
    const theirs = await succeeded<{ id: string }>('createStore', {
      caller: stranger,
      body: { code: 'BJ01', name: '北京' },
    });
    for (const name of registers) {
      const foreign = await invoke(name, { caller: desk.admin, query: { ...day, storeId: theirs.id } });
      expect([name, foreign.status]).toEqual([name, 404]);
      const backwards = await invoke(name, {
        caller: desk.admin,
        query: { storeId: desk.store.id, from: '2026-11-10', to: '2026-11-09' },
      });
      const malformed = await invoke(name, {
        caller: desk.admin,
        query: { storeId: desk.store.id, from: '2026-13-01', to: 'soon' },
      });
      const paths = (result: InvocationResult<unknown>) =>
        [
          ...new Set(
            ((result.body as { errors?: { path: string }[] }).errors ?? []).map((issue) => issue.path),
          ),
        ].sort();
      expect([name, backwards.status, paths(backwards)]).toEqual([name, 400, ['to']]);
      expect([name, malformed.status, paths(malformed)]).toEqual([name, 400, ['from', 'to']]);
    }
  });
});
