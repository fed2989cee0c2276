import type { Equipment } from '../equipment/views';
import type { Column } from '../exports/table';
import { channelLabels, priorityLabels, roleLabels, ticketTypeLabels } from './labels';
import type { LedgerLine, StaffRegisterLine } from './views';

/*
 * The registers' columns under the headers the desk's Excel templates use (服务台台账 v1:
 * 工单记录表, 人员管理表, 设备管理表). JSON answers carry the same lines with English keys.
 */

export const ledgerColumns: readonly Column<LedgerLine>[] = [
  { header: '工单号', value: (line) => line.number, width: 16 },
  { header: '登记时间', value: (line) => line.openedAt, width: 17 },
  { header: '客户姓名', value: (line) => line.customerName, width: 12 },
  { header: '联系方式', value: (line) => line.contact, width: 16 },
  { header: '工单类型', value: (line) => ticketTypeLabels[line.type], width: 10 },
  { header: '受理渠道', value: (line) => channelLabels[line.channel] ?? line.channel },
  { header: '优先级', value: (line) => priorityLabels[line.priority] },
  { header: '工单主题', value: (line) => line.subject, width: 24 },
  { header: '工单内容', value: (line) => line.description, width: 40 },
  { header: '处理状态', value: (line) => line.ledgerStatus },
  { header: '处理人', value: (line) => line.assigneeName, width: 12 },
  { header: '首次响应时间', value: (line) => line.firstRespondedAt, width: 17 },
  { header: '解决时间', value: (line) => line.resolvedAt, width: 17 },
  { header: '处理结果', value: (line) => line.resolution, width: 30 },
  { header: '关闭时间', value: (line) => line.closedAt, width: 17 },
  { header: '重开次数', value: (line) => line.reopenCount },
];

export const staffRegisterColumns: readonly Column<StaffRegisterLine>[] = [
  { header: '姓名', value: (line) => line.name, width: 12 },
  { header: '职位', value: (line) => line.roles.map((role) => roleLabels[role]).join('、'), width: 20 },
  { header: '联系电话', value: (line) => line.phone, width: 16 },
  { header: '电子邮箱', value: (line) => line.email, width: 24 },
  { header: '登记日期', value: (line) => line.registeredOn, width: 12 },
];

export const equipmentRegisterColumns: readonly Column<Equipment>[] = [
  { header: '设备名称', value: (line) => line.name, width: 20 },
  { header: '型号', value: (line) => line.model, width: 16 },
  { header: '序列号', value: (line) => line.serialNumber, width: 20 },
  { header: '领用人', value: (line) => line.issuedTo, width: 12 },
  { header: '领用日期', value: (line) => line.issuedOn, width: 12 },
  { header: '归还日期', value: (line) => line.returnedOn, width: 12 },
  { header: '备注', value: (line) => line.note, width: 30 },
];
