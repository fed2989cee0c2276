/*
 * The Chinese words the registers' files write for the service's codes (JSON keeps the codes).
 * A code missing here is written as is, so a new status never breaks an export.
 */

type Labels = Readonly<Record<string, string>>;

/** A code in the desk's words, or the code itself when it has none. */
export const labelOf = (labels: Labels, code: string | undefined): string | undefined =>
  code === undefined ? undefined : (labels[code] ?? code);

export const returnKindLabels: Labels = { return: '退货', exchange: '换货' };
export const returnReasonLabels: Labels = { no_reason: '无理由', quality_problem: '质量问题' };
export const returnOutcomeLabels: Labels = {
  refund: '退款',
  exchange: '换货',
  repair: '维修',
  refused: '拒绝',
};
export const returnStatusLabels: Labels = {
  decided: '已判定',
  goods_received: '已收货',
  done: '已办结',
  refused: '已拒绝',
};
export const paymentMethodLabels: Labels = {
  cash: '现金',
  card: '银行卡',
  card_refund: '原卡退回',
  wechat_pay: '微信支付',
  alipay: '支付宝',
  bank_transfer: '银行转账',
  store_credit: '商场储值',
  other: '其他',
};

export const complaintCategoryLabels: Labels = {
  product_quality: '商品质量',
  service_attitude: '服务态度',
  price: '价格',
  delivery_installation: '送货安装',
  after_sales: '售后服务',
  safety: '安全',
  environment: '购物环境',
  other: '其他',
};
export const respondentKindLabels: Labels = {
  merchant: '商户',
  department: '部门',
  staff: '员工',
  product: '商品',
};
export const claimKindLabels: Labels = {
  refund: '退款',
  exchange: '换货',
  repair: '维修',
  compensation: '赔偿',
  apology: '道歉',
  explanation: '解释',
  other: '其他',
};
export const validityLabels: Labels = { valid: '成立', partly_valid: '部分成立', not_valid: '不成立' };
export const complaintStatusLabels: Labels = {
  registered: '已登记',
  investigating: '调查中',
  remedied: '已处理',
  fed_back: '已反馈',
  closed: '已结案',
};
export const feedbackMethodLabels: Labels = {
  phone: '电话',
  in_person: '面谈',
  sms: '短信',
  wechat: '微信',
  email: '邮件',
  letter: '信函',
  other: '其他',
};

export const claimStatusLabels: Labels = {
  pending_approval: '待审批',
  approved: '已批准',
  rejected: '已驳回',
  paid: '已赔付',
  recovered: '已追偿',
  closed: '已结案',
};
export const approverRoleLabels: Labels = { supervisor: '主管', manager: '经理', admin: '管理员' };
export const decisionLabels: Labels = { approve: '批准', reject: '驳回' };

export const revisitKindLabels: Labels = {
  post_sale: '售后7天回访',
  warranty_expiry: '保修期满回访',
  post_service: '服务回访',
  periodic: '定期回访',
  manual: '人工安排',
};
export const revisitPurposeLabels: Labels = { call: '电话回访', home_visit: '上门拜访' };
export const attemptOutcomeLabels: Labels = { reached: '已联系', unreachable: '未接通', refused: '拒绝回访' };
export const revisitStatusLabels: Labels = {
  scheduled: '待回访',
  due: '到期待办',
  done: '已回访',
  failed: '回访失败',
  cancelled: '已取消',
};
