import type { Column } from '../../exports/table';
import type {
  CompensationApprovalLine,
  ComplaintRegisterLine,
  ReturnRegisterLine,
  ReturnSummaryRow,
  RevisitRegisterLine,
} from '../../exports/views';
import { channelLabels } from '../labels';
import {
  approverRoleLabels,
  attemptOutcomeLabels,
  claimKindLabels,
  claimStatusLabels,
  complaintCategoryLabels,
  complaintStatusLabels,
  decisionLabels,
  feedbackMethodLabels,
  labelOf,
  paymentMethodLabels,
  respondentKindLabels,
  returnKindLabels,
  returnOutcomeLabels,
  returnReasonLabels,
  returnStatusLabels,
  revisitKindLabels,
  revisitPurposeLabels,
  revisitStatusLabels,
  validityLabels,
} from './labels';

/*
 * The registers' columns under the Chinese headers the desk's forms use. The seeds name the forms
 * (红星美凯龙 相关表格: 消费者投诉处理登记表, 无理由退货处理单, 无理由退货处理汇总表, 售后服务先行赔偿
 * 审批表) but hold none of their grids: the complaint register's fields come from
 * shared/domain/complaints-compensation.md, the others from what each case records.
 */

/** Fen as 元 (two decimals), the unit the forms are filled in. */
export const yuan = (fen: number | undefined): number | undefined =>
  fen === undefined ? undefined : fen / 100;

const joined = (values: readonly (string | undefined)[], separator = '、') =>
  values.filter((value) => value !== undefined && value !== '').join(separator) || undefined;

/** 商品状况: the facts that keep goods from being 完好, or 完好. */
export function conditionText(condition: ReturnRegisterLine['condition']): string {
  const faults = [
    condition.labelsPresent ? undefined : '吊牌缺失',
    condition.accessoriesComplete ? undefined : '配件不全',
    condition.packaging === 'opened'
      ? '包装已拆'
      : condition.packaging === 'missing'
        ? '包装缺失'
        : undefined,
    condition.usedOrSoiled ? '已使用或污损' : undefined,
    condition.damaged ? '有损坏' : undefined,
    condition.installed ? '已安装' : undefined,
  ];
  return joined(faults) ?? '完好';
}

export const returnRegisterColumns: readonly Column<ReturnRegisterLine>[] = [
  { header: '登记时间', value: (line) => line.registeredAt, width: 17 },
  { header: '工单号', value: (line) => line.ticketNumber, width: 16 },
  { header: '顾客姓名', value: (line) => line.customerName, width: 12 },
  { header: '联系电话', value: (line) => line.customerPhone, width: 16 },
  { header: '订单号', value: (line) => line.orderNumber, width: 16 },
  { header: '购买日期', value: (line) => line.purchasedOn, width: 12 },
  { header: '送货日期', value: (line) => line.deliveredOn, width: 12 },
  {
    header: '商品名称及数量',
    value: (line) =>
      joined(
        line.items.map((item) => `${item.name}×${item.quantity}`),
        '；',
      ),
    width: 30,
  },
  { header: '商品金额(元)', value: (line) => yuan(line.items.reduce((sum, item) => sum + item.paid, 0)) },
  { header: '退换类型', value: (line) => labelOf(returnKindLabels, line.kind) },
  { header: '退换原因', value: (line) => labelOf(returnReasonLabels, line.reason) },
  { header: '问题描述', value: (line) => line.description || undefined, width: 30 },
  { header: '商品状况', value: (line) => conditionText(line.condition), width: 20 },
  {
    header: '可选处理',
    value: (line) => joined(line.allowedOutcomes.map((outcome) => labelOf(returnOutcomeLabels, outcome))),
    width: 14,
  },
  { header: '处理结果', value: (line) => labelOf(returnOutcomeLabels, line.outcome) },
  { header: '特批理由', value: (line) => line.overrideReason, width: 24 },
  { header: '拒绝说明', value: (line) => line.refusal, width: 24 },
  { header: '可退金额(元)', value: (line) => yuan(line.refundLimit) },
  { header: '退款金额(元)', value: (line) => yuan(line.refundAmount) },
  { header: '退款方式', value: (line) => labelOf(paymentMethodLabels, line.refundMethod) },
  { header: '退款凭证号', value: (line) => line.refundReference, width: 16 },
  { header: '经办人', value: (line) => line.registeredBy, width: 12 },
  { header: '审批人', value: (line) => line.approvedBy, width: 12 },
  { header: '状态', value: (line) => labelOf(returnStatusLabels, line.status) },
  { header: '办结时间', value: (line) => line.finishedAt, width: 17 },
];

export const returnSummaryColumns: readonly Column<ReturnSummaryRow>[] = [
  { header: '日期', value: (row) => row.day, width: 12 },
  { header: '受理单数', value: (row) => row.opened },
  { header: '退货', value: (row) => row.returns },
  { header: '换货', value: (row) => row.exchanges },
  { header: '无理由', value: (row) => row.noReason },
  { header: '质量问题', value: (row) => row.qualityProblem },
  { header: '办结单数', value: (row) => row.finished },
  { header: '已退款', value: (row) => row.refunded },
  { header: '已换货', value: (row) => row.exchanged },
  { header: '转维修', value: (row) => row.repaired },
  { header: '已拒绝', value: (row) => row.refused },
  { header: '退款金额(元)', value: (row) => yuan(row.refundedAmount), width: 14 },
  { header: '特批', value: (row) => row.overrides },
];

export const complaintRegisterColumns: readonly Column<ComplaintRegisterLine>[] = [
  { header: '投诉编号', value: (line) => line.ticketNumber, width: 16 },
  { header: '投诉时间', value: (line) => line.receivedAt, width: 17 },
  { header: '投诉方式', value: (line) => labelOf(channelLabels, line.channel) },
  { header: '投诉人', value: (line) => line.complainant, width: 12 },
  { header: '联系电话', value: (line) => line.phone, width: 16 },
  { header: '投诉内容', value: (line) => line.content, width: 40 },
  { header: '投诉类别', value: (line) => labelOf(complaintCategoryLabels, line.category) },
  {
    header: '被投诉方',
    value: (line) => joined([labelOf(respondentKindLabels, line.respondentKind), line.respondent], '：'),
    width: 20,
  },
  {
    header: '顾客诉求',
    value: (line) =>
      joined([
        joined(line.claimKinds.map((kind) => labelOf(claimKindLabels, kind))),
        line.claimDetail,
        line.claimAmount === undefined ? undefined : `¥${(line.claimAmount / 100).toFixed(2)}`,
      ]),
    width: 24,
  },
  { header: '是否成立', value: (line) => labelOf(validityLabels, line.validity) },
  { header: '判定理由', value: (line) => line.validityReason, width: 24 },
  { header: '处理人', value: (line) => line.handledBy, width: 12 },
  { header: '调查情况', value: (line) => joined(line.findings, '；'), width: 30 },
  { header: '处理结果', value: (line) => line.result, width: 24 },
  { header: '补救措施', value: (line) => line.remedy, width: 24 },
  { header: '补偿金额(元)', value: (line) => yuan(line.remedyAmount) },
  { header: '回复时间', value: (line) => line.feedbackAt, width: 17 },
  { header: '回复方式', value: (line) => labelOf(feedbackMethodLabels, line.feedbackMethod) },
  { header: '回复内容', value: (line) => line.feedback, width: 24 },
  { header: '满意度', value: (line) => line.satisfaction },
  { header: '状态', value: (line) => labelOf(complaintStatusLabels, line.status) },
  { header: '结案时间', value: (line) => line.closedAt, width: 17 },
];

/** 审批意见: each step as `经理 李娜 批准 ¥8,000.00 2026-11-02 10:00`, one after another. */
const decisionText = (decision: CompensationApprovalLine['decisions'][number]) =>
  joined(
    [
      labelOf(approverRoleLabels, decision.role),
      decision.by,
      labelOf(decisionLabels, decision.decision),
      `¥${(decision.amount / 100).toFixed(2)}`,
      decision.reason,
      decision.at,
    ],
    ' ',
  );

export const compensationApprovalColumns: readonly Column<CompensationApprovalLine>[] = [
  { header: '工单号', value: (line) => line.ticketNumber, width: 16 },
  { header: '申请时间', value: (line) => line.requestedAt, width: 17 },
  { header: '申请人', value: (line) => line.requestedBy, width: 12 },
  { header: '赔付对象', value: (line) => line.beneficiary, width: 12 },
  { header: '联系电话', value: (line) => line.beneficiaryPhone, width: 16 },
  { header: '责任商户', value: (line) => line.merchantName, width: 20 },
  { header: '赔付事由', value: (line) => line.reason, width: 30 },
  { header: '申请金额(元)', value: (line) => yuan(line.claimed) },
  { header: '审批意见', value: (line) => joined(line.decisions.map(decisionText), '；'), width: 40 },
  { header: '批准金额(元)', value: (line) => yuan(line.approved) },
  { header: '状态', value: (line) => labelOf(claimStatusLabels, line.status) },
  { header: '赔付时间', value: (line) => line.paidAt, width: 17 },
  { header: '赔付方式', value: (line) => labelOf(paymentMethodLabels, line.paymentMethod) },
  { header: '赔付凭证号', value: (line) => line.paymentReference, width: 16 },
  { header: '付款人', value: (line) => line.paidBy, width: 12 },
  { header: '保证金扣除(元)', value: (line) => yuan(line.deducted) },
  { header: '应收追偿(元)', value: (line) => yuan(line.receivable) },
  { header: '已追回(元)', value: (line) => yuan(line.settled) },
  { header: '结案时间', value: (line) => line.closedAt, width: 17 },
];

export const revisitRegisterColumns: readonly Column<RevisitRegisterLine>[] = [
  { header: '应回访时间', value: (line) => line.dueAt, width: 17 },
  { header: '回访类型', value: (line) => labelOf(revisitKindLabels, line.kind), width: 14 },
  { header: '回访方式', value: (line) => labelOf(revisitPurposeLabels, line.purpose) },
  { header: '顾客姓名', value: (line) => line.customerName, width: 12 },
  { header: '联系电话', value: (line) => line.customerPhone, width: 16 },
  { header: '关联工单', value: (line) => line.ticketNumber, width: 16 },
  { header: '回访事项', value: (line) => line.note, width: 24 },
  { header: '负责人', value: (line) => line.assigneeName, width: 12 },
  { header: '回访次数', value: (line) => line.attempts },
  { header: '最近回访时间', value: (line) => line.lastAttemptAt, width: 17 },
  { header: '回访结果', value: (line) => labelOf(attemptOutcomeLabels, line.lastOutcome) },
  { header: '回访人', value: (line) => joined(line.calledBy), width: 14 },
  { header: '顾客意见', value: (line) => line.comment, width: 30 },
  { header: '满意度', value: (line) => line.satisfaction },
  { header: '状态', value: (line) => labelOf(revisitStatusLabels, line.status) },
  { header: '完成时间', value: (line) => line.finishedAt, width: 17 },
  { header: '跟进工单', value: (line) => (line.followUp ? '是' : '否') },
];
