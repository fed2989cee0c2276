import type { DomainError } from '../errors';

/**
 * Problem details in Chinese, by the error's stable `code`. A code not listed here gets its kind's
 * general sentence with the English detail after it, so a Chinese reader always has both.
 */

const objectsZh: Record<string, string> = {
  ticket: '工单',
  store: '门店',
  customer: '客户',
  purchase: '购买记录',
  revisit: '回访',
  staff: '员工',
  notification: '通知',
  route: '接口路径',
};

const detailsZh: Record<string, string> = {
  invalid_input: '请求中有无效字段。',
  body_required: '需要 JSON 请求体。',
  invalid_json: '请求体不是有效的 JSON。',
  invalid_request_target: '请求路径无效。',
  json_required: '请以 application/json 发送请求体。',
  body_too_large: '请求体超过允许的大小。',
  token_invalid: '需要有效的 Bearer 令牌。',
  token_missing: '需要 Bearer 令牌。',
  tenant_claim_missing: '令牌中缺少租户信息。',
  role_not_allowed: '您的角色无权执行此操作。',
  role_grant_refused: '您无权授予该角色。',
  store_out_of_scope: '该门店不在您的管辖范围内。',
  idempotency_key_reused: '该 Idempotency-Key 已用于另一个不同的请求。',
  idempotency_in_progress: '相同 Idempotency-Key 的请求正在处理中，请稍后重试。',
  store_code_taken: '该门店编码已被使用。',
  staff_user_taken: '该登录账号已关联其他员工。',
  staff_already_linked: '该员工已关联登录账号。',
  ticket_finished: '工单已结束，不能再更改。',
  ticket_not_open: '工单未处于处理中状态。',
  revisit_closed: '回访已结束。',
  purchase_closed: '该购买记录已取消或退货。',
  delivered_before_purchase: '送货日期早于购买日期。',
  reference_not_found: '引用的对象不存在。',
  contention: '并发修改过多，未写入任何数据，请稍后重试。',
  deadline: '处理超时，未写入任何数据，请稍后重试。',
};

const generalZh: Record<DomainError['kind'], string> = {
  invalid_input: '请求无效。',
  unauthenticated: '需要身份认证。',
  forbidden: '无权执行此操作。',
  not_found: '对象不存在。',
  conflict: '与当前状态冲突。',
  payload_too_large: '请求体过大。',
  unsupported_media_type: '不支持的媒体类型。',
  rule_refused: '业务规则不允许此操作。',
  unavailable: '服务暂不可用，请稍后重试。',
};

export function detailInChinese(error: DomainError): string {
  const known = detailsZh[error.code];
  if (known) return known;
  const missing = /^([a-z]+)_not_found$/.exec(error.code)?.[1];
  if (missing && objectsZh[missing]) return `${objectsZh[missing]}不存在。`;
  if (error.code === 'version_conflict') return '对象在读取后已被修改，请重新读取后再试。';
  return `${generalZh[error.kind]}（${error.message}）`;
}

export const internalDetailZh = '服务器内部出错。报告问题时请提供 instance。';
