import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { ReturnCase } from '../../shared/after-sales/model';
import type { CompensationClaim } from '../../shared/compensation/views';
import type { Complaint } from '../../shared/complaints/views';
import { type Column, type Table, tableCsv, tableOf, tableXlsx } from '../../shared/exports/table';
import {
  compensationApprovalColumns,
  complaintRegisterColumns,
  conditionText,
  returnRegisterColumns,
  returnSummaryColumns,
  revisitRegisterColumns,
} from '../../shared/ledgers/registers/columns';
import {
  compensationApprovalLineOf,
  complaintRegisterLineOf,
  type RegisterLookups,
  returnRegisterLineOf,
  revisitRegisterLineOf,
} from '../../shared/ledgers/registers/lines';
import { returnSummaryOf } from '../../shared/ledgers/registers/summary';
import type { Counters } from '../../shared/reports/counters';
import type { Revisit } from '../../shared/revisits/views';

/*
 * The registers as tables (shared/ledgers/registers): each line built from a case, its cells under
 * the Chinese headers, and the CSV and XLSX read back. Times are UTC in, Asia/Shanghai out.
 */

const ids = {
  store: '01JDQ7Z6W8G5V4T3S2R1Q0P9N8',
  customer: '01JDQ80A1B2C3D4E5F6G7H8J9K',
  purchase: '01JDQ80B1B2C3D4E5F6G7H8J9K',
  ticket: '01JDQ80C1B2C3D4E5F6G7H8J9K',
  merchant: '01JDQ80D1B2C3D4E5F6G7H8J9K',
  staff: '01JDQ80E1B2C3D4E5F6G7H8J9K',
  case: '01JDQ80F1B2C3D4E5F6G7H8J9K',
};

const lookups: RegisterLookups = {
  timezone: 'Asia/Shanghai',
  users: new Map([
    ['u-desk', '王芳'],
    ['u-sup', '李娜'],
    ['u-mgr', '赵强'],
  ]),
  staff: new Map([[ids.staff, '王芳']]),
  tickets: new Map([[ids.ticket, { number: 'SH01-20261102-0007', channel: 'hotline' }]]),
  customers: new Map([[ids.customer, { name: '张伟', phone: '13812345678' }]]),
  purchases: new Map([[ids.purchase, { orderNumber: 'NO-0042', purchasedOn: '2026-10-28' }]]),
};

/** A row of a one-line table as { header: cell }. */
function cellsOf<Row>(columns: readonly Column<Row>[], row: Row) {
  const table = tableOf('x', columns, [row]);
  return Object.fromEntries(table.headers.map((header, index) => [header, table.rows[0]?.[index]]));
}

/** The table written as CSV and as XLSX, both read back: the same headers and cells. */
async function readBack(table: Table) {
  const csv = tableCsv(table);
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [sheet] = await readExcelFile(await tableXlsx(table));
  return { csv: parse(csv, { bom: true }) as string[][], xlsx: sheet?.data ?? [], sheet: sheet?.sheet };
}

const returnCase = {
  id: ids.case,
  ticketId: ids.ticket,
  storeId: ids.store,
  customerId: ids.customer,
  purchaseId: ids.purchase,
  kind: 'return',
  reason: 'no_reason',
  items: [{ line: 1, quantity: 1 }],
  description: '颜色不合适',
  seriousDefect: false,
  condition: {
    labelsPresent: true,
    accessoriesComplete: true,
    packaging: 'opened',
    usedOrSoiled: false,
    damaged: false,
    installed: false,
  },
  currency: 'CNY',
  decision: {
    lines: [{ line: 1, name: '布艺沙发', ruleClass: 'furniture_upholstered', quantity: 1, paid: 399_900 }],
  },
  policyVersion: 1,
  allowedOutcomes: ['refund', 'exchange'],
  refundLimit: 399_900,
  status: 'done',
  outcome: 'refund',
  refund: {
    by: 'u-desk',
    at: '2026-11-03T02:00:00Z',
    amount: 389_900,
    method: 'wechat_pay',
    reference: 'WX-1',
  },
  refundApproval: { by: 'u-sup', at: '2026-11-03T01:00:00Z', amount: 389_900, aboveFen: 100_000 },
  history: [
    { step: 'decided', from: 'decided', to: 'decided', by: 'u-desk', at: '2026-11-02T01:30:00Z' },
    {
      step: 'receive_goods',
      from: 'decided',
      to: 'goods_received',
      by: 'u-desk',
      at: '2026-11-02T03:00:00Z',
    },
    { step: 'refund', from: 'goods_received', to: 'done', by: 'u-desk', at: '2026-11-03T02:00:00Z' },
  ],
  createdBy: 'u-desk',
  createdAt: '2026-11-02T01:30:00Z',
  updatedAt: '2026-11-03T02:00:00Z',
  version: 4,
} as unknown as ReturnCase;

describe('the no-reason return register (无理由退货处理单)', () => {
  it('returnRegisterLineOf: one case, with its customer, purchase, goods, condition, refund and names', async () => {
    const line = returnRegisterLineOf(returnCase, lookups);
    const cells = cellsOf(returnRegisterColumns, line);
    expect(cells).toEqual({
      登记时间: '2026-11-02 09:30',
      工单号: 'SH01-20261102-0007',
      顾客姓名: '张伟',
      联系电话: '13812345678',
      订单号: 'NO-0042',
      购买日期: '2026-10-28',
      送货日期: null,
      商品名称及数量: '布艺沙发×1',
      '商品金额(元)': 3999,
      退换类型: '退货',
      退换原因: '无理由',
      问题描述: '颜色不合适',
      商品状况: '包装已拆',
      可选处理: '退款、换货',
      处理结果: '退款',
      特批理由: null,
      拒绝说明: null,
      '可退金额(元)': 3999,
      '退款金额(元)': 3899,
      退款方式: '微信支付',
      退款凭证号: 'WX-1',
      经办人: '王芳',
      审批人: '李娜',
      状态: '已办结',
      办结时间: '2026-11-03 10:00',
    });
    const back = await readBack(tableOf('无理由退货处理单', returnRegisterColumns, [line]));
    expect(back.sheet).toBe('无理由退货处理单');
    expect(back.csv[0]).toEqual(returnRegisterColumns.map((column) => column.header));
    expect(back.xlsx[0]).toEqual(back.csv[0]);
    expect(back.csv[1]?.slice(0, 4)).toEqual([
      '2026-11-02 09:30',
      'SH01-20261102-0007',
      '张伟',
      '13812345678',
    ]);
    // The phone stays text in the workbook, the amounts are numbers.
    expect(back.xlsx[1]?.slice(2, 4)).toEqual(['张伟', '13812345678']);
    expect(back.xlsx[1]?.[18]).toBe(3899);
  });

  it('a refused case reads 拒绝 with the explanation; an unknown signer is written as is', () => {
    const refused = {
      ...returnCase,
      status: 'refused',
      outcome: undefined,
      refund: undefined,
      refundApproval: undefined,
      allowedOutcomes: ['refused'],
      refusal: { by: 'u-gone', at: '2026-11-02T02:00:00Z', explanation: '已超过七天' },
      createdBy: 'u-gone',
      history: [
        ...returnCase.history.slice(0, 1),
        { step: 'refuse', from: 'decided', to: 'refused', by: 'u-gone', at: '2026-11-02T02:00:00Z' },
      ],
    } as unknown as ReturnCase;
    expect(cellsOf(returnRegisterColumns, returnRegisterLineOf(refused, lookups))).toMatchObject({
      可选处理: '拒绝',
      处理结果: '拒绝',
      拒绝说明: '已超过七天',
      '退款金额(元)': null,
      经办人: 'u-gone',
      状态: '已拒绝',
      办结时间: '2026-11-02 10:00',
    });
  });

  it('conditionText: 完好 when nothing is wrong, else every fault', () => {
    expect(conditionText({ ...returnCase.condition, packaging: 'intact' })).toBe('完好');
    expect(
      conditionText({
        labelsPresent: false,
        accessoriesComplete: false,
        packaging: 'missing',
        usedOrSoiled: true,
        damaged: true,
        installed: true,
      }),
    ).toBe('吊牌缺失、配件不全、包装缺失、已使用或污损、有损坏、已安装');
  });
});

describe('the return summary (无理由退货处理汇总表)', () => {
  it('returnSummaryOf: a row per local day from the aggregates, empty days zero, and the totals', async () => {
    const days = new Map<string, Counters>([
      [
        '2026-11-02',
        {
          'returns.opened': 3,
          'returns.opened.return': 2,
          'returns.opened.exchange': 1,
          'returns.reason.no_reason': 2,
          'returns.reason.quality_problem': 1,
          'returns.finished': 1,
          'returns.outcome.refused': 1,
          'tickets.opened': 9,
        },
      ],
      [
        '2026-11-04',
        {
          'returns.finished': 2,
          'returns.outcome.refund': 1,
          'returns.outcome.exchange': 1,
          'returns.refunded.amount': 389_950,
          'returns.overrides': 1,
        },
      ],
    ]);
    const store = {
      storeId: ids.store,
      storeCode: 'SH01',
      storeName: '上海真北商场',
      timezone: 'Asia/Shanghai',
    };
    const summary = returnSummaryOf(store, '2026-11-02', '2026-11-04', days);
    expect(summary.days.map((row) => [row.day, row.opened, row.finished])).toEqual([
      ['2026-11-02', 3, 1],
      ['2026-11-03', 0, 0],
      ['2026-11-04', 0, 2],
    ]);
    expect(summary.total).toEqual({
      day: 'total',
      opened: 3,
      returns: 2,
      exchanges: 1,
      noReason: 2,
      qualityProblem: 1,
      finished: 3,
      refunded: 1,
      exchanged: 1,
      repaired: 0,
      refused: 1,
      refundedAmount: 389_950,
      overrides: 1,
    });
    const rows = [...summary.days, { ...summary.total, day: '合计' }];
    const back = await readBack(tableOf('无理由退货处理汇总表', returnSummaryColumns, rows));
    expect(back.xlsx[0]).toEqual([
      '日期',
      '受理单数',
      '退货',
      '换货',
      '无理由',
      '质量问题',
      '办结单数',
      '已退款',
      '已换货',
      '转维修',
      '已拒绝',
      '退款金额(元)',
      '特批',
    ]);
    expect(back.xlsx.at(-1)).toEqual(['合计', 3, 2, 1, 2, 1, 3, 1, 1, 0, 1, 3899.5, 1]);
    expect(back.csv.at(-1)).toEqual([
      '合计',
      '3',
      '2',
      '1',
      '2',
      '1',
      '3',
      '1',
      '1',
      '0',
      '1',
      '3899.5',
      '1',
    ]);
  });
});

describe('the complaint register (消费者投诉处理登记表)', () => {
  it('complaintRegisterLineOf: the fields of the domain file’s register, in Chinese', async () => {
    const complaint = {
      id: ids.case,
      ticketId: ids.ticket,
      ticketNumber: 'SH01-20261102-0007',
      storeId: ids.store,
      complainant: { name: '王女士', phone: '13800138000' },
      respondent: { kind: 'merchant', id: ids.merchant, name: '美家家具' },
      category: 'product_quality',
      content: '衣柜门脱落',
      claim: { kinds: ['repair', 'compensation'], amount: 50_000 },
      receivedAt: '2026-11-02T01:00:00Z',
      status: 'closed',
      judgement: { validity: 'partly_valid', reason: '安装不当', by: 'u-sup', at: '2026-11-02T02:00:00Z' },
      tasks: [
        {
          id: ids.staff,
          assignee: { kind: 'merchant', id: ids.merchant, name: '美家家具' },
          instructions: '上门查看',
          dueInBusinessHours: 8,
          dueAt: '2026-11-03T01:00:00Z',
          status: 'done',
          findings: '铰链松动',
          createdBy: 'u-sup',
          createdAt: '2026-11-02T02:00:00Z',
        },
      ],
      remedy: {
        result: '商户上门维修',
        remedy: '更换铰链',
        amount: 20_000,
        by: 'u-sup',
        at: '2026-11-03T02:00:00Z',
      },
      feedback: { at: '2026-11-03T03:00:00Z', method: 'phone', content: '已电话告知', by: 'u-sup' },
      satisfaction: { score: 4, by: 'u-sup', at: '2026-11-04T01:00:00Z' },
      createdBy: 'u-desk',
      handledBy: 'u-sup',
      createdAt: '2026-11-02T01:00:00Z',
      updatedAt: '2026-11-04T01:00:00Z',
      closedAt: '2026-11-04T01:00:00Z',
      version: 7,
    } as unknown as Complaint;
    const line = complaintRegisterLineOf(complaint, lookups);
    expect(cellsOf(complaintRegisterColumns, line)).toEqual({
      投诉编号: 'SH01-20261102-0007',
      投诉时间: '2026-11-02 09:00',
      投诉方式: '热线',
      投诉人: '王女士',
      联系电话: '13800138000',
      投诉内容: '衣柜门脱落',
      投诉类别: '商品质量',
      被投诉方: '商户：美家家具',
      顾客诉求: '维修、赔偿、¥500.00',
      是否成立: '部分成立',
      判定理由: '安装不当',
      处理人: '李娜',
      调查情况: '美家家具：铰链松动',
      处理结果: '商户上门维修',
      补救措施: '更换铰链',
      '补偿金额(元)': 200,
      回复时间: '2026-11-03 11:00',
      回复方式: '电话',
      回复内容: '已电话告知',
      满意度: 4,
      状态: '已结案',
      结案时间: '2026-11-04 09:00',
    });
    const back = await readBack(tableOf('消费者投诉处理登记表', complaintRegisterColumns, [line]));
    expect(back.csv[1]?.[5]).toBe('衣柜门脱落');
    expect(back.xlsx[1]?.[7]).toBe('商户：美家家具');
  });
});

describe('compensation approvals (售后服务先行赔偿审批表)', () => {
  const claim = {
    id: ids.case,
    ticketId: ids.ticket,
    ticketNumber: 'SH01-20261102-0007',
    storeId: ids.store,
    merchantId: ids.merchant,
    merchantName: '美家家具',
    amount: 800_000,
    currency: 'CNY',
    reason: '沙发框架断裂',
    beneficiary: { name: '张伟', phone: '13812345678' },
    status: 'recovered',
    approvalLevel: { band: 3, maxAmount: null, steps: ['manager', 'admin'], policyVersion: 0, basis: '' },
    decisions: [
      {
        step: 1,
        role: 'manager',
        decision: 'approve',
        by: 'u-mgr',
        byRoles: ['manager'],
        amount: 800_000,
        at: '2026-11-02T02:00:00Z',
      },
      {
        step: 2,
        role: 'admin',
        decision: 'approve',
        by: 'u-admin',
        byRoles: ['admin'],
        amount: 800_000,
        at: '2026-11-02T03:00:00Z',
      },
    ],
    payment: {
      method: 'bank_transfer',
      reference: 'TR-9',
      paidBy: '财务 陈静',
      recordedBy: 'u-desk',
      paidAt: '2026-11-03T02:00:00Z',
    },
    recovery: { deducted: 500_000, receivable: 300_000, by: 'u-mgr', at: '2026-11-04T02:00:00Z' },
    settlements: [
      { amount: 100_000, method: 'cash', reference: 'R-1', by: 'u-mgr', at: '2026-11-05T02:00:00Z' },
    ],
    createdBy: 'u-desk',
    createdAt: '2026-11-02T01:00:00Z',
    updatedAt: '2026-11-05T02:00:00Z',
    version: 6,
  } as unknown as CompensationClaim;

  it('compensationApprovalLineOf: claimed, approved, each decision, paid, deducted, receivable, recovered', async () => {
    const line = compensationApprovalLineOf(claim, lookups);
    expect(cellsOf(compensationApprovalColumns, line)).toEqual({
      工单号: 'SH01-20261102-0007',
      申请时间: '2026-11-02 09:00',
      申请人: '王芳',
      赔付对象: '张伟',
      联系电话: '13812345678',
      责任商户: '美家家具',
      赔付事由: '沙发框架断裂',
      '申请金额(元)': 8000,
      审批意见: '经理 赵强 批准 ¥8000.00 2026-11-02 10:00；管理员 u-admin 批准 ¥8000.00 2026-11-02 11:00',
      '批准金额(元)': 8000,
      状态: '已追偿',
      赔付时间: '2026-11-03 10:00',
      赔付方式: '银行转账',
      赔付凭证号: 'TR-9',
      付款人: '财务 陈静',
      '保证金扣除(元)': 5000,
      '应收追偿(元)': 3000,
      '已追回(元)': 1000,
      结案时间: null,
    });
    const back = await readBack(tableOf('售后服务先行赔偿审批表', compensationApprovalColumns, [line]));
    expect(back.sheet).toBe('售后服务先行赔偿审批表');
    expect([back.xlsx[1]?.[7], back.xlsx[1]?.[9]]).toEqual([8000, 8000]);
    expect(back.csv[1]?.[8]).toContain('管理员 u-admin 批准');
  });

  it('a claim still waiting or rejected has no approved amount; the rejection shows its reason', () => {
    const rejected = {
      ...claim,
      status: 'rejected',
      payment: undefined,
      recovery: undefined,
      settlements: undefined,
      decisions: [
        {
          step: 1,
          role: 'manager',
          decision: 'reject',
          by: 'u-mgr',
          byRoles: ['manager'],
          amount: 800_000,
          reason: '证据不足',
          at: '2026-11-02T02:00:00Z',
        },
      ],
    } as unknown as CompensationClaim;
    expect(cellsOf(compensationApprovalColumns, compensationApprovalLineOf(rejected, lookups))).toMatchObject(
      {
        审批意见: '经理 赵强 驳回 ¥8000.00 证据不足 2026-11-02 10:00',
        '批准金额(元)': null,
        状态: '已驳回',
        '已追回(元)': null,
      },
    );
  });
});

describe('the revisit register (回访登记表)', () => {
  it('revisitRegisterLineOf: due, attempts, the last outcome, who called, satisfaction, done', async () => {
    const revisit = {
      id: ids.case,
      customerId: ids.customer,
      storeId: ids.store,
      kind: 'post_sale',
      purpose: 'call',
      purchaseId: ids.purchase,
      ticketId: ids.ticket,
      note: '送货后回访',
      dueAt: '2026-11-09T01:00:00.000Z',
      status: 'done',
      assigneeId: ids.staff,
      attempts: [
        { at: '2026-11-09T01:10:00Z', by: 'u-desk', outcome: 'unreachable' },
        { at: '2026-11-10T02:00:00Z', by: 'u-sup', outcome: 'unreachable' },
        {
          at: '2026-11-11T02:30:00Z',
          by: 'u-desk',
          outcome: 'reached',
          satisfaction: 5,
          comment: '安装师傅很专业',
        },
      ],
      satisfaction: 5,
      history: [
        { at: '2026-11-02T01:00:00Z', by: 'system', what: 'scheduled' },
        { at: '2026-11-11T02:30:00Z', by: 'u-desk', what: 'done' },
      ],
      createdAt: '2026-11-02T01:00:00Z',
      updatedAt: '2026-11-11T02:30:00Z',
      version: 5,
    } as unknown as Revisit;
    const line = revisitRegisterLineOf(revisit, lookups);
    expect(cellsOf(revisitRegisterColumns, line)).toEqual({
      应回访时间: '2026-11-09 09:00',
      回访类型: '售后7天回访',
      回访方式: '电话回访',
      顾客姓名: '张伟',
      联系电话: '13812345678',
      关联工单: 'SH01-20261102-0007',
      回访事项: '送货后回访',
      负责人: '王芳',
      回访次数: 3,
      最近回访时间: '2026-11-11 10:30',
      回访结果: '已联系',
      回访人: '王芳、李娜',
      顾客意见: '安装师傅很专业',
      满意度: 5,
      状态: '已回访',
      完成时间: '2026-11-11 10:30',
      跟进工单: '否',
    });
    const back = await readBack(tableOf('回访登记表', revisitRegisterColumns, [line]));
    expect(back.xlsx[0]?.[0]).toBe('应回访时间');
    expect(back.csv[1]?.[11]).toBe('王芳、李娜');
  });
});
