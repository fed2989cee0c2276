import type { StaffRole } from '../access/roles';
import type { TicketPriority, TicketStatus, TicketType } from '../schema/ticket-vocabulary';

/*
 * The Chinese words of the ledgers (台账): what a desk writes in the template's columns.
 */

/** The template's three states (服务台台账 v1: 未处理 / 处理中 / 已解决); a cancelled ticket is 已取消. */
export const ledgerStatuses = ['未处理', '处理中', '已解决', '已取消'] as const;
export type LedgerStatus = (typeof ledgerStatuses)[number];

export const ledgerStatusOf: Readonly<Record<TicketStatus, LedgerStatus>> = {
  new: '未处理',
  assigned: '未处理',
  in_progress: '处理中',
  pending_customer: '处理中',
  pending_third_party: '处理中',
  resolved: '已解决',
  closed: '已解决',
  cancelled: '已取消',
};

export const ticketTypeLabels: Readonly<Record<TicketType, string>> = {
  inquiry: '咨询',
  complaint: '投诉',
  return: '退货',
  exchange: '换货',
  repair: '维修',
  installation: '安装',
  compensation: '先行赔付',
  it_request: 'IT 服务',
  other: '其他',
};

export const channelLabels: Readonly<Record<string, string>> = {
  phone: '电话',
  hotline: '热线',
  walk_in: '来访',
  email: '邮件',
  web: '网站',
  wechat: '微信',
  app: 'App',
};

export const priorityLabels: Readonly<Record<TicketPriority, string>> = {
  low: '低',
  normal: '普通',
  high: '高',
  urgent: '紧急',
};

export const roleLabels: Readonly<Record<StaffRole, string>> = {
  front_desk: '前台接待',
  complaint_handler: '投诉处理专员',
  technician: '技术员',
  supervisor: '主管',
  manager: '经理',
  admin: '管理员',
};
