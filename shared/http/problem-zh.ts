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
  return: '退换货单',
  merchant: '商户',
  compensation_claim: '先行赔付申请',
  route: '接口路径',
  webhook_subscription: 'Webhook 订阅',
};

const detailsZh: Record<string, string> = {
  invalid_input: '请求中有无效字段。',
  webhook_subscription_limit: '该租户的 Webhook 订阅数量已达上限。',
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
  // 退换货
  ticket_of_another_store: '该工单不属于售出商品的门店。',
  ticket_of_another_customer: '该工单属于其他客户。',
  return_step_not_allowed: '退换货单当前的状态不允许此步骤。',
  override_not_allowed: '您的角色无权推翻拒绝退换货的决定。',
  over_returned: '这些商品已由其他退换货单退款，本次退款将超过购买数量。',
  purchase_changed: '购买记录或其退货在此期间已变更，请重新读取后再试。',
  // 商户与保证金
  merchant_transition_not_allowed: '商户当前的状态不允许此变更。',
  merchant_exited: '商户已撤场，保证金不再收款。',
  refund_blocked_open_claims: '该商户仍有未结的先行赔付，结清后才能退还保证金。',
  refund_blocked_hold: '商户撤场后保证金仍在保留期内，暂不能退还。',
  deposit_insufficient: '保证金余额不足。',
  deposit_reference_taken: '该凭证号已在保证金台账中登记了另一笔款项。',
  // 先行赔付
  ticket_not_claimable: '先行赔付只能基于投诉或退换货工单。',
  claim_status: '先行赔付申请当前的状态不允许此操作。',
  self_approval: '申请人不能审批自己的先行赔付申请。',
  already_approved: '您已审批过此申请的前一步，本步须由他人审批。',
  approval_level_insufficient: '此审批步骤需要更高的角色。',
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
  const missing = /^([a-z_]+)_not_found$/.exec(error.code)?.[1];
  if (missing && objectsZh[missing]) return `${objectsZh[missing]}不存在。`;
  if (error.code === 'version_conflict') return '对象在读取后已被修改，请重新读取后再试。';
  return `${generalZh[error.kind]}（${error.message}）`;
}

export const internalDetailZh = '服务器内部出错。报告问题时请提供 instance。';
