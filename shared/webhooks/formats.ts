import { createHmac } from 'node:crypto';
import type { WebhookEventType, WebhookFormat } from './catalogue';

export type { WebhookFormat } from './catalogue';

/**
 * Message formats of a subscription (`webhookFormats` in ./catalogue.ts). `standard` is the Standard Webhooks body
 * `{type, timestamp, data}`; `wecom` and `dingtalk` are the markdown messages of the group robots
 * (群机器人) of 企业微信 and 钉钉, so a store's group chat gets a Chinese summary of the event
 * without a receiver of its own in between. Pure, apart from the HMAC.
 *
 * The robots' documented formats:
 * - 企业微信 群机器人配置说明 (https://work.weixin.qq.com/api/doc/90000/90136/91770, also
 *   developer.work.weixin.qq.com/document/path/91770): POST JSON
 *   `{"msgtype":"markdown","markdown":{"content":"…"}}`, content at most 4096 bytes, UTF-8.
 * - 钉钉 自定义机器人 (open.dingtalk.com/document/orgapp/custom-robots-send-group-messages and
 *   …/customize-robot-security-settings; mirrored at https://apifox.com/apidoc/docs-site/467052/doc-3550006):
 *   `{"msgtype":"markdown","markdown":{"title":"…","text":"…"}}`; with 加签 the URL carries
 *   `timestamp` (epoch milliseconds, within 1 hour of DingTalk's clock) and `sign`, the base64 of
 *   HMAC-SHA256 keyed with the robot's `SEC…` secret over `"<timestamp>\n<secret>"`, url-encoded.
 * Both answer HTTP 200 with `{"errcode":0,"errmsg":"ok"}`; any other errcode is a refusal.
 */
/** The Chinese name of every event, as a group chat reads it. */
export const eventTitlesZh: Readonly<Record<WebhookEventType, string>> = {
  'ticket.created': '新工单',
  'ticket.assigned': '工单已派单',
  'ticket.status_changed': '工单状态变更',
  'sla.warning': '时限预警',
  'sla.breached': '工单超时',
  'sla.escalated': '超时升级',
  'revisit.due': '回访到期',
  'revisit.done': '回访完成',
  'return.step_recorded': '退换货进展',
  'compensation.requested': '先行赔付申请',
  'compensation.approved': '先行赔付已批准',
  'compensation.rejected': '先行赔付被驳回',
  'compensation.paid': '先行赔付已支付',
  'compensation.recovered': '先行赔付已追偿',
  'compensation.closed': '先行赔付已结案',
  'merchant.admitted': '商户入驻',
  'merchant.exiting': '商户撤场中',
  'merchant.exited': '商户已撤场',
  'merchant.deposit_booked': '商户保证金记账',
  'wake_up_call.requested': '叫醒服务登记',
  'wake_up_call.escalated': '叫醒未应答升级',
  'wake_up_call.done': '叫醒服务完成',
  'loan.lent': '物品借出',
  'loan.overdue': '借用物品逾期',
  'loan.returned': '借用物品归还',
  'lost_item.found': '拾获物品登记',
  'lost_item.claimed': '失物已认领',
  'lost_item.disposed': '失物已处置',
  'repair.registered': '维修登记',
  'repair.step_recorded': '维修进展',
  'repair.stalled': '维修停滞提醒',
  'complaint.registered': '投诉登记',
  'complaint.judged': '投诉已判定',
  'complaint.task_assigned': '投诉调查任务已派发',
  'complaint.task_done': '投诉调查任务已完成',
  'complaint.task_overdue': '投诉调查任务逾期',
  'complaint.remedied': '投诉已处理',
  'complaint.fed_back': '投诉已反馈顾客',
  'complaint.closed': '投诉已结案',
  'department.created': '新部门',
  'department.updated': '部门信息变更',
  'guest_message.taken': '宾客留言登记',
  'guest_message.undelivered': '留言未送达提醒',
  'guest_message.delivered': '留言已送达',
  'guest_message.acknowledged': '留言已确认',
  'luggage.stored': '行李寄存',
  'luggage.unclaimed': '行李逾期未取',
  'luggage.picked_up': '行李已领取',
  'safe_box.opened': '保险箱开启',
  'safe_box.accessed': '保险箱存取',
  'safe_box.closed': '保险箱退箱',
  'safe_box.key_not_returned': '保险箱钥匙未归还',
  'shift_handover.handed_over': '交班',
  'shift_handover.accepted': '接班确认',
};

/**
 * Fields worth a line in a chat, in this order, with their Chinese labels; others stay out. Guests'
 * and customers' names and phones never go to a group chat (个人信息保护法: no more than needed).
 */
const resourceLines: readonly (readonly [string, string])[] = [
  ['number', '工单号'],
  ['ticketNumber', '工单号'],
  ['subject', '主题'],
  ['name', '名称'],
  ['room', '房号'],
  ['tagNumber', '行李牌号'],
  ['boxNumber', '箱号'],
  ['status', '状态'],
];
/** Free text of the change (notes, details) stays out too: it often quotes the guest. */
const eventLines: readonly (readonly [string, string])[] = [
  ['step', '步骤'],
  ['to', '变更为'],
];

/** A value as one safe markdown line: no line breaks, no headings smuggled in, at most 200 characters. */
const oneLine = (value: string) => {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
};

const linesOf = (source: unknown, fields: readonly (readonly [string, string])[]): string[] => {
  if (typeof source !== 'object' || source === null) return [];
  const record = source as Record<string, unknown>;
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const [field, label] of fields) {
    const value = record[field];
    if (typeof value !== 'string' || value === '' || seen.has(label)) continue;
    seen.add(label);
    lines.push(`> ${label}：${oneLine(value)}`);
  }
  return lines;
};

/** Times in a chat read in China Standard Time (UTC+8), the time zone of the chains we serve. */
const chinaTime = (instant: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(instant));

export interface RobotSummary {
  readonly title: string;
  readonly text: string;
}

/**
 * The Chinese markdown summary of one event: its name, time, the resource's and the change's
 * telling fields, and the event type for whoever looks it up. Every title starts with 服务台, so a
 * DingTalk robot whose security setting is the keyword 服务台 accepts it.
 */
export function robotSummary(
  type: WebhookEventType,
  at: string,
  event: unknown,
  resource: unknown,
): RobotSummary {
  const title = `服务台：${eventTitlesZh[type]}`;
  const lines = [
    `### ${title}`,
    `> 时间：${chinaTime(at)}（北京时间）`,
    ...linesOf(resource, resourceLines),
    ...linesOf(event, eventLines),
    `> 事件：${type}`,
  ];
  return { title, text: lines.join('\n') };
}

/** WeCom refuses markdown content over 4096 bytes: whole lines are dropped from the end to fit. */
const wecomMaxBytes = 4096;
const fitBytes = (text: string, max: number): string => {
  let lines = text.split('\n');
  while (lines.length > 1 && Buffer.byteLength(lines.join('\n')) > max) lines = lines.slice(0, -1);
  return lines.join('\n');
};

/** The body a subscription of this format sends. */
export function robotBody(format: Exclude<WebhookFormat, 'standard'>, summary: RobotSummary): string {
  return format === 'wecom'
    ? JSON.stringify({ msgtype: 'markdown', markdown: { content: fitBytes(summary.text, wecomMaxBytes) } })
    : JSON.stringify({ msgtype: 'markdown', markdown: { title: summary.title, text: summary.text } });
}

/** DingTalk 加签: the robot URL with `timestamp` and `sign` for this moment. */
export function dingtalkSignedUrl(url: string, secret: string, at: Date): string {
  const timestamp = String(at.getTime());
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  const signed = new URL(url);
  // URLSearchParams url-encodes the base64 (+, / and =) as the documentation asks.
  signed.searchParams.set('timestamp', timestamp);
  signed.searchParams.set('sign', sign);
  return signed.toString();
}

/**
 * A robot answers 200 even when it refuses a message (a wrong signature, a missing keyword, too
 * many messages per minute): its `errcode` tells. Standard receivers are judged by status alone.
 */
export function robotRefusal(format: WebhookFormat, answer: string): string | undefined {
  if (format === 'standard') return undefined;
  try {
    const parsed = JSON.parse(answer) as { errcode?: unknown; errmsg?: unknown };
    if (typeof parsed.errcode === 'number' && parsed.errcode !== 0) {
      return `errcode ${parsed.errcode}: ${String(parsed.errmsg ?? '').slice(0, 150)}`;
    }
    return undefined;
  } catch {
    return undefined;
  }
}
