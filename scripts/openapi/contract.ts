import { type infer as Infer, literal, looseObject, strictObject, string, type ZodMiniType } from 'zod/mini';
import type { StaffRole } from '../../shared/access/roles';
import { afterSalesPolicy, eligibilityDecision, returnCase } from '../../shared/after-sales/views';
import { businessCalendar } from '../../shared/calendar/views';
import { compensationClaim, compensationPolicy } from '../../shared/compensation/views';
import { complaint } from '../../shared/complaints/views';
import { customer, purchase } from '../../shared/customers/views';
import { department } from '../../shared/departments/views';
import { equipment } from '../../shared/equipment/views';
import {
  compensationApprovalsPage,
  complaintRegisterPage,
  returnRegisterPage,
  returnSummary,
  revisitRegisterPage,
} from '../../shared/exports/views';
import { guestMessage } from '../../shared/guest-messages/views';
import type { HttpRouteName } from '../../shared/http/route-table';
import { equipmentRegisterPage, ledgerPage, staffRegisterPage } from '../../shared/ledgers/views';
import { loan } from '../../shared/lending/views';
import { lostItem } from '../../shared/lost-and-found/views';
import { luggage } from '../../shared/luggage/views';
import { depositEntry, merchant } from '../../shared/merchants/views';
import { notification } from '../../shared/notifications/views';
import { repairCase, repairPriceList } from '../../shared/repairs/views';
import {
  chainReport,
  monthlyStaffAssessment,
  slaReport,
  weeklyStoreReport,
} from '../../shared/reports/views';
import { revisit, revisitRules } from '../../shared/revisits/views';
import { safeBox } from '../../shared/safe-boxes/views';
import { tenantSettings } from '../../shared/settings/views';
import { shiftHandover, shiftSnapshot } from '../../shared/shift-handovers/views';
import { slaPolicySet, ticketSla } from '../../shared/sla/views';
import { staffMember } from '../../shared/staff/views';
import { store } from '../../shared/stores/views';
import { ticket, timelineEvent } from '../../shared/tickets/views';
import { wakeUpCall } from '../../shared/wake-up-calls/views';
import {
  webhookAttempt,
  webhookSubscription,
  webhookSubscriptionWithSecret,
} from '../../shared/webhooks/views';

/**
 * What each route answers, for the OpenAPI document (docs/openapi.json, `npm run docs:openapi`).
 * The route table says method, path, roles and idempotency; the handlers carry their request
 * schemas; this file adds the one thing neither knows: which view a route returns, and whether as
 * a page. It lives in scripts/ so no Lambda bundle ever holds the output schemas.
 *
 * A route added to shared/http/routes.ts without an entry here fails the type check (the record is
 * keyed by every route name) and test/unit/openapi.test.ts.
 */

const healthStatus = strictObject({ status: literal('ok'), time: string() });
/** The document describes itself only as an object; validators for it are the OpenAPI schemas. */
const openApiDocument = looseObject({ openapi: string() });

/**
 * Named schemas of components.schemas. Views nested in other views (a ticket's SLA) are listed too,
 * so they are written once and referenced.
 */
export const views = {
  Ticket: ticket,
  TicketSla: ticketSla,
  TimelineEvent: timelineEvent,
  Customer: customer,
  Purchase: purchase,
  Revisit: revisit,
  RevisitRules: revisitRules,
  Store: store,
  StaffMember: staffMember,
  BusinessCalendar: businessCalendar,
  SlaPolicySet: slaPolicySet,
  TenantSettings: tenantSettings,
  Notification: notification,
  AfterSalesPolicy: afterSalesPolicy,
  EligibilityDecision: eligibilityDecision,
  ReturnCase: returnCase,
  Merchant: merchant,
  DepositEntry: depositEntry,
  CompensationPolicy: compensationPolicy,
  CompensationClaim: compensationClaim,
  WakeUpCall: wakeUpCall,
  Loan: loan,
  LostItem: lostItem,
  GuestMessage: guestMessage,
  Luggage: luggage,
  SafeBox: safeBox,
  ShiftHandover: shiftHandover,
  ShiftSnapshot: shiftSnapshot,
  Department: department,
  Complaint: complaint,
  RepairCase: repairCase,
  RepairPriceList: repairPriceList,
  WebhookSubscription: webhookSubscription,
  WebhookSubscriptionWithSecret: webhookSubscriptionWithSecret,
  WebhookAttempt: webhookAttempt,
  WeeklyStoreReport: weeklyStoreReport,
  Equipment: equipment,
  LedgerPage: ledgerPage,
  StaffRegisterPage: staffRegisterPage,
  EquipmentRegisterPage: equipmentRegisterPage,
  MonthlyStaffAssessment: monthlyStaffAssessment,
  SlaReport: slaReport,
  ReturnRegisterPage: returnRegisterPage,
  ReturnSummary: returnSummary,
  ComplaintRegisterPage: complaintRegisterPage,
  CompensationApprovalsPage: compensationApprovalsPage,
  RevisitRegisterPage: revisitRegisterPage,
  ChainReport: chainReport,
  HealthStatus: healthStatus,
  OpenApiDocument: openApiDocument,
} satisfies Record<string, ZodMiniType>;

export type ViewName = keyof typeof views;
export type ViewOf<N extends ViewName> = Infer<(typeof views)[N]>;

/** `one`: the view itself; `page`: `{ items: View[], cursor }`. */
export interface RouteAnswer {
  readonly view: ViewName;
  readonly shape: 'one' | 'page';
}

export interface RouteContract {
  /** Short English title, with the manuals' Chinese term where there is one. */
  readonly summary: string;
  readonly tag: Tag;
  readonly answer: RouteAnswer;
  /** A request body that the route's body schema accepts (test/unit/openapi.test.ts parses it). */
  readonly bodyExample?: unknown;
}

/** The roles as the manuals name them. */
export const roleLabels: Record<StaffRole, string> = {
  front_desk: '前台',
  complaint_handler: '投诉专员',
  technician: '技术员',
  supervisor: '主管',
  manager: '店长',
  admin: '管理员',
};

export const tags = {
  system: 'Health and this document',
  stores: '门店 Stores and their business calendars',
  staff: '员工 Staff directory',
  settings: 'Tenant settings, calendar, SLA policies and revisit rules',
  customers: '客户 Customers and purchases',
  tickets: '工单 Tickets: intake, dispatch, status, comments, timeline',
  revisits: '回访 Revisits (follow-up calls and visits)',
  afterSales: '退换货 Returns and exchanges, the after-sales policy and eligibility',
  merchants: '商户 Merchants and their deposit ledger (保证金)',
  compensation: '先行赔付 Advance compensation claims and their approval levels',
  frontOffice:
    '前台 Hotel front office: wake-up calls, item lending, lost and found, guest messages, luggage, safe boxes, shift handovers',
  notifications: '通知 The caller’s inbox',
  departments: '部门 Departments of a store or of the tenant, with their members',
  complaints: '投诉 Complaint cases: validity, investigation, remedy, feedback, satisfaction',
  repairs: '维修 Repairs: on site, mail-in and parts, with warranty, quotes and payments',
  webhooks: 'Webhooks: signed event deliveries (Standard Webhooks) to the tenant’s receivers',
  reports: '报表 Reports from the aggregates (周报表), as JSON, CSV or XLSX for Excel',
  ledgers:
    '台账 The desk ledger, equipment and staff registers: JSON, or CSV (UTF-8 with BOM) or XLSX with Chinese headers, paged',
} as const;
export type Tag = keyof typeof tags;

const ULID_STORE = '01JDQ7Z6W8G5V4T3S2R1Q0P9N8';
const ULID_CUSTOMER = '01JDQ80A1B2C3D4E5F6G7H8J9K';
const ULID_PURCHASE = '01JDQ80B1B2C3D4E5F6G7H8J9K';
const ULID_TICKET = '01JDQ80C1B2C3D4E5F6G7H8J9K';
const ULID_MERCHANT = '01JDQ80D1B2C3D4E5F6G7H8J9K';
const ULID_STAFF = '01JDQ80E1B2C3D4E5F6G7H8J9K';

const one = (view: ViewName): RouteAnswer => ({ view, shape: 'one' });
const page = (view: ViewName): RouteAnswer => ({ view, shape: 'page' });

/**
 * Routes that are no API operation: `notFound` is API Gateway's `$default` fallback, not a path; the
 * reference page and its script are the page that renders this document.
 */
export const undocumentedRoutes = ['notFound', 'getReferencePage', 'getReferencePageScript'] as const;
export type DocumentedRouteName = Exclude<HttpRouteName, (typeof undocumentedRoutes)[number]>;
export const isUndocumented = (name: HttpRouteName): name is (typeof undocumentedRoutes)[number] =>
  (undocumentedRoutes as readonly HttpRouteName[]).includes(name);

/** Every documented route. */
export const routeContracts: Record<DocumentedRouteName, RouteContract> = {
  health: { summary: 'Health check', tag: 'system', answer: one('HealthStatus') },
  getOpenApiDocument: {
    summary: 'This OpenAPI document',
    tag: 'system',
    answer: one('OpenApiDocument'),
  },

  createStore: {
    summary: 'Open a store (门店)',
    tag: 'stores',
    answer: one('Store'),
    bodyExample: {
      code: 'SH01',
      name: '上海徐家汇店',
      kind: 'mall',
      address: '上海市徐汇区漕溪北路 88 号',
      phone: '021-64871234',
    },
  },
  listStores: { summary: 'List stores', tag: 'stores', answer: page('Store') },
  getStore: { summary: 'Read a store', tag: 'stores', answer: one('Store') },
  updateStore: {
    summary: 'Change a store',
    tag: 'stores',
    answer: one('Store'),
    bodyExample: { version: 1, name: '上海徐家汇旗舰店' },
  },
  getStoreCalendar: {
    summary: 'Read a store’s business calendar (营业时间)',
    tag: 'stores',
    answer: one('BusinessCalendar'),
  },
  putStoreCalendar: {
    summary: 'Replace a store’s business calendar',
    tag: 'stores',
    answer: one('BusinessCalendar'),
  },

  createStaff: {
    summary: 'Add a staff member (员工)',
    tag: 'staff',
    answer: one('StaffMember'),
    bodyExample: { name: '李娜', roles: ['technician'], storeIds: ['01JDQ7Z6W8G5V4T3S2R1Q0P9N8'] },
  },
  listStaff: { summary: 'List staff', tag: 'staff', answer: page('StaffMember') },
  updateStaff: { summary: 'Change a staff member', tag: 'staff', answer: one('StaffMember') },

  getTenantCalendar: {
    summary: 'Read the tenant’s default business calendar',
    tag: 'settings',
    answer: one('BusinessCalendar'),
  },
  putTenantCalendar: {
    summary: 'Replace the tenant’s default business calendar',
    tag: 'settings',
    answer: one('BusinessCalendar'),
  },
  getSlaPolicies: { summary: 'Read the SLA policies', tag: 'settings', answer: one('SlaPolicySet') },
  putSlaPolicies: {
    summary: 'Replace the SLA policies',
    tag: 'settings',
    answer: one('SlaPolicySet'),
    bodyExample: {
      policies: [
        {
          name: '维修工单·紧急',
          match: { types: ['repair'], priorities: ['urgent'] },
          firstResponseMinutes: 30,
          resolutionMinutes: 480,
        },
      ],
    },
  },
  getSettings: { summary: 'Read the tenant settings', tag: 'settings', answer: one('TenantSettings') },
  putSettings: { summary: 'Replace the tenant settings', tag: 'settings', answer: one('TenantSettings') },
  getRevisitRules: {
    summary: 'Read the revisit rules (回访规则)',
    tag: 'settings',
    answer: one('RevisitRules'),
  },
  putRevisitRules: { summary: 'Replace the revisit rules', tag: 'settings', answer: one('RevisitRules') },

  createCustomer: {
    summary: 'Register a customer (客户)',
    tag: 'customers',
    answer: one('Customer'),
    bodyExample: { name: '张伟', phone: '13812345678', memberId: 'VIP-0088' },
  },
  findCustomers: { summary: 'Find customers by phone', tag: 'customers', answer: page('Customer') },
  getCustomer: { summary: 'Read a customer', tag: 'customers', answer: one('Customer') },
  listCustomerPurchases: {
    summary: 'List a customer’s purchases',
    tag: 'customers',
    answer: page('Purchase'),
  },
  createPurchase: { summary: 'Record a purchase (购买记录)', tag: 'customers', answer: one('Purchase') },
  closePurchase: {
    summary: 'Cancel or return a purchase',
    tag: 'customers',
    answer: one('Purchase'),
  },
  listCustomerRevisits: {
    summary: 'List a customer’s revisits',
    tag: 'customers',
    answer: page('Revisit'),
  },

  createRevisit: { summary: 'Book a revisit (回访)', tag: 'revisits', answer: one('Revisit') },
  listRevisits: { summary: 'List revisits', tag: 'revisits', answer: page('Revisit') },
  getRevisit: { summary: 'Read a revisit', tag: 'revisits', answer: one('Revisit') },
  assignRevisit: { summary: 'Assign a revisit', tag: 'revisits', answer: one('Revisit') },
  recordRevisitAttempt: {
    summary: 'Record a revisit attempt and the customer’s score (满意度)',
    tag: 'revisits',
    answer: one('Revisit'),
    bodyExample: { outcome: 'reached', satisfaction: 5, comment: '师傅上门很准时，冰箱已修好。' },
  },

  createTicket: {
    summary: 'Open a ticket (建单)',
    tag: 'tickets',
    answer: one('Ticket'),
    bodyExample: {
      storeId: '01JDQ7Z6W8G5V4T3S2R1Q0P9N8',
      type: 'repair',
      channel: 'walk_in',
      priority: 'high',
      subject: '冰箱不制冷',
      description: '顾客反映冰箱冷藏室温度偏高，已使用两年。',
      customer: { phone: '13812345678', name: '张伟' },
    },
  },
  listTickets: { summary: 'List tickets', tag: 'tickets', answer: page('Ticket') },
  getTicket: { summary: 'Read a ticket', tag: 'tickets', answer: one('Ticket') },
  updateTicket: { summary: 'Change a ticket’s details', tag: 'tickets', answer: one('Ticket') },
  assignTicket: { summary: 'Assign a ticket (派单)', tag: 'tickets', answer: one('Ticket') },
  transitionTicket: {
    summary: 'Move a ticket to another status',
    tag: 'tickets',
    answer: one('Ticket'),
    bodyExample: { to: 'resolved', resolution: '更换温控器后制冷恢复正常。', version: 3 },
  },
  commentOnTicket: {
    summary: 'Comment on a ticket (备注)',
    tag: 'tickets',
    answer: one('TimelineEvent'),
    bodyExample: { body: '已电话联系顾客，约定明天上午上门。', visibility: 'internal' },
  },
  ticketTimeline: { summary: 'Read a ticket’s timeline', tag: 'tickets', answer: page('TimelineEvent') },

  getAfterSalesPolicy: {
    summary: 'Read the after-sales policy (售后服务政策)',
    tag: 'afterSales',
    answer: one('AfterSalesPolicy'),
  },
  putAfterSalesPolicy: {
    summary: 'Replace the after-sales policy',
    tag: 'afterSales',
    answer: one('AfterSalesPolicy'),
    bodyExample: {
      noReason: { enabled: true, days: 15, excludedClasses: ['furniture_hardwood'] },
      // A POS that names categories in Chinese: the map replaces the default one.
      categoryClasses: {
        家具: 'furniture_standard',
        沙发: 'furniture_upholstered',
        床垫: 'furniture_upholstered',
        红木家具: 'furniture_hardwood',
        家电: 'appliance',
      },
      overrideRoles: ['supervisor', 'manager'],
      version: 1,
    },
  },
  checkReturnEligibility: {
    summary: 'Check whether a return or exchange is allowed (退换货资格), without registering it',
    tag: 'afterSales',
    answer: one('EligibilityDecision'),
    bodyExample: {
      customerId: ULID_CUSTOMER,
      purchaseId: ULID_PURCHASE,
      kind: 'return',
      reason: 'quality_problem',
      description: '沙发框架断裂，坐下时有异响。',
      seriousDefect: true,
      items: [{ line: 1 }],
    },
  },
  createReturn: {
    summary: 'Register a return or exchange (退换货登记) on its ticket',
    tag: 'afterSales',
    answer: one('ReturnCase'),
    bodyExample: {
      customerId: ULID_CUSTOMER,
      purchaseId: ULID_PURCHASE,
      ticketId: ULID_TICKET,
      kind: 'return',
      reason: 'quality_problem',
      description: '沙发框架断裂，坐下时有异响。',
      seriousDefect: true,
      items: [{ line: 1 }],
    },
  },
  listReturns: {
    summary: 'List a store’s returns and exchanges',
    tag: 'afterSales',
    answer: page('ReturnCase'),
  },
  getReturn: {
    summary: 'Read a return or exchange case (退换货处理单)',
    tag: 'afterSales',
    answer: one('ReturnCase'),
  },
  recordReturnStep: {
    summary:
      'Record a step of a return: goods received, refund (退款), approval, bundle recount, replacement (换货), repair, refusal, override',
    tag: 'afterSales',
    answer: one('ReturnCase'),
    bodyExample: {
      step: 'refuse',
      version: 1,
      explanation: '已超过七天无理由退货期限，已向顾客解释并提供维修。',
    },
  },

  createMerchant: {
    summary: 'Admit a merchant (商户准入)',
    tag: 'merchants',
    answer: one('Merchant'),
    bodyExample: {
      storeId: ULID_STORE,
      name: '林氏木业',
      licenceNumber: '91310000MA1FL0XX1X',
      contact: { name: '林先生', phone: '13900002222' },
      categories: ['家具'],
      unit: 'B2-018',
      contractStart: '2026-01-01',
      contractEnd: '2027-12-31',
      depositRequired: 500000,
    },
  },
  listMerchants: { summary: 'List a store’s merchants', tag: 'merchants', answer: page('Merchant') },
  getMerchant: {
    summary: 'Read a merchant with its deposit balance',
    tag: 'merchants',
    answer: one('Merchant'),
  },
  transitionMerchant: {
    summary: 'Activate a merchant or start its exit (撤场公示)',
    tag: 'merchants',
    answer: one('Merchant'),
    bodyExample: { to: 'exiting', version: 2, noticeDays: 30, holdDays: 90 },
  },
  recordDepositEntry: {
    summary: 'Book an entry in the deposit ledger (保证金台账)',
    tag: 'merchants',
    answer: one('DepositEntry'),
    bodyExample: { kind: 'deposit', amount: 500000, reference: 'SJ-0001', note: '质量保证金首缴' },
  },
  listDepositEntries: {
    summary: 'List a merchant’s deposit ledger (保证金台账)',
    tag: 'merchants',
    answer: page('DepositEntry'),
  },

  getCompensationPolicy: {
    summary: 'Read the approval levels of advance compensation (先行赔付审批权限)',
    tag: 'compensation',
    answer: one('CompensationPolicy'),
  },
  putCompensationPolicy: {
    summary: 'Replace the approval levels of advance compensation',
    tag: 'compensation',
    answer: one('CompensationPolicy'),
    bodyExample: {
      bands: [
        { maxAmount: 50000, steps: ['supervisor'] },
        { maxAmount: 500000, steps: ['manager'] },
        { steps: ['manager', 'admin'] },
      ],
      reminderBusinessHours: 8,
    },
  },
  createCompensationClaim: {
    summary: 'Make an advance compensation claim (先行赔付申请) on a complaint or return ticket',
    tag: 'compensation',
    answer: one('CompensationClaim'),
    bodyExample: {
      ticketId: ULID_TICKET,
      merchantId: ULID_MERCHANT,
      amount: 800000,
      reason: '衣柜铰链断裂导致柜门脱落，商户未能及时处理。',
      beneficiary: { name: '王女士', phone: '13700001111' },
    },
  },
  listCompensationClaims: {
    summary: 'List a store’s claims (售后服务先行赔偿审批表)',
    tag: 'compensation',
    answer: page('CompensationClaim'),
  },
  getCompensationClaim: {
    summary: 'Read a claim with its approval level and decisions',
    tag: 'compensation',
    answer: one('CompensationClaim'),
  },
  decideCompensationClaim: {
    summary: 'Approve or reject a step of a claim (审批)',
    tag: 'compensation',
    answer: one('CompensationClaim'),
    bodyExample: { decision: 'reject', reason: '顾客已与商户自行协商解决，无需先行赔付。' },
  },
  recordCompensationPayment: {
    summary: 'Record the payment of an approved claim (赔付)',
    tag: 'compensation',
    answer: one('CompensationClaim'),
    bodyExample: { method: 'bank_transfer', reference: 'TX-0001', paidBy: '财务部陈会计' },
  },
  recoverCompensationClaim: {
    summary: 'Recover a paid claim from the merchant (追偿): deposit first, the rest receivable',
    tag: 'compensation',
    answer: one('CompensationClaim'),
    bodyExample: { note: '从商户保证金中扣除。' },
  },

  createWakeUpCall: {
    summary: 'Book a wake-up call (叫醒服务)',
    tag: 'frontOffice',
    answer: one('WakeUpCall'),
    bodyExample: {
      storeId: ULID_STORE,
      room: '1203',
      guestName: '王先生',
      date: '2026-11-28',
      time: '06:30',
    },
  },
  listWakeUpCalls: {
    summary: 'A day’s wake-up calls (叫醒服务记录表)',
    tag: 'frontOffice',
    answer: page('WakeUpCall'),
  },
  getWakeUpCall: { summary: 'Read a wake-up call', tag: 'frontOffice', answer: one('WakeUpCall') },
  recordWakeUpAttempt: {
    summary: 'Record a call, a visit or the duty manager’s decision',
    tag: 'frontOffice',
    answer: one('WakeUpCall'),
    bodyExample: { version: 2, outcome: 'no_answer', note: '电话无人接听' },
  },
  cancelWakeUpCall: {
    summary: 'Cancel a wake-up call or its series',
    tag: 'frontOffice',
    answer: one('WakeUpCall'),
    bodyExample: { version: 1, scope: 'series', reason: '客人提前退房' },
  },
  lendItem: {
    summary: 'Lend an item against a deposit (物品借用)',
    tag: 'frontOffice',
    answer: one('Loan'),
    bodyExample: {
      storeId: ULID_STORE,
      item: '充电器',
      deposit: 5000,
      room: '1203',
      guestName: '王先生',
      dueBackAt: '2026-11-28T12:00:00+08:00',
    },
  },
  listLoans: { summary: 'A store’s loans (物品借用记录本)', tag: 'frontOffice', answer: page('Loan') },
  getLoan: { summary: 'Read a loan', tag: 'frontOffice', answer: one('Loan') },
  returnLentItem: {
    summary: 'Take a lent item back and refund its deposit',
    tag: 'frontOffice',
    answer: one('Loan'),
    bodyExample: { version: 1, note: '完好归还' },
  },
  keepLoanDeposit: {
    summary: 'Keep the deposit of an item not returned',
    tag: 'frontOffice',
    answer: one('Loan'),
    bodyExample: { version: 1, reason: '客人退房未归还' },
  },
  recordFoundItem: {
    summary: 'Record a found item (宾客遗留物品)',
    tag: 'frontOffice',
    answer: one('LostItem'),
    bodyExample: {
      storeId: ULID_STORE,
      description: '黑色钱包',
      category: 'valuables',
      foundWhere: '1203',
      foundAt: '2026-11-28T10:00:00+08:00',
      foundBy: '客房部 李阿姨',
      storagePlace: '前台保险柜',
    },
  },
  listLostItems: {
    summary: 'A store’s found items (宾客遗留物品记录表)',
    tag: 'frontOffice',
    answer: page('LostItem'),
  },
  getLostItem: { summary: 'Read a found item', tag: 'frontOffice', answer: one('LostItem') },
  claimLostItem: {
    summary: 'Hand a found item back to its owner',
    tag: 'frontOffice',
    answer: one('LostItem'),
  },
  disposeLostItem: {
    summary: 'Dispose of a found item after its retention, or hand it to the police',
    tag: 'frontOffice',
    answer: one('LostItem'),
  },
  createGuestMessage: {
    summary: 'Take a message for a room or guest (宾客留言单)',
    tag: 'frontOffice',
    answer: one('GuestMessage'),
    bodyExample: {
      storeId: ULID_STORE,
      room: '1203',
      guestName: '王先生',
      from: '李经理（华为）',
      callbackNumber: '13800138000',
      content: '明早九点的会议改到十点，请回电。',
    },
  },
  listGuestMessages: {
    summary: 'A store’s guest messages by status',
    tag: 'frontOffice',
    answer: page('GuestMessage'),
  },
  getGuestMessage: { summary: 'Read a guest message', tag: 'frontOffice', answer: one('GuestMessage') },
  deliverGuestMessage: {
    summary: 'Record that a message reached the room',
    tag: 'frontOffice',
    answer: one('GuestMessage'),
    bodyExample: { version: 1, how: 'under_door', note: '已从门缝塞入' },
  },
  acknowledgeGuestMessage: {
    summary: 'Record that the guest has read the message',
    tag: 'frontOffice',
    answer: one('GuestMessage'),
    bodyExample: { version: 2, note: '客人来电确认' },
  },
  storeLuggage: {
    summary: 'Take luggage into storage under a tag (行李寄存)',
    tag: 'frontOffice',
    answer: one('Luggage'),
    bodyExample: {
      storeId: ULID_STORE,
      tagNumber: 'A0123',
      pieces: 2,
      description: '黑色拉杆箱一个，蓝色背包一个',
      location: '行李房 A 架',
      guestName: '王先生',
      room: '1203',
      expectedPickUpAt: '2026-11-28T18:00:00+08:00',
      declaredContents: ['clothing', 'electronics'],
    },
  },
  listLuggage: { summary: 'A store’s luggage (行李寄存记录表)', tag: 'frontOffice', answer: page('Luggage') },
  getLuggage: { summary: 'Read a luggage record', tag: 'frontOffice', answer: one('Luggage') },
  pickUpLuggage: {
    summary: 'Hand luggage back: with the stub, or with ID and a lost-stub certificate',
    tag: 'frontOffice',
    answer: one('Luggage'),
    bodyExample: { version: 1, with: 'stub', tagNumber: 'A0123' },
  },
  openSafeBox: {
    summary: 'Open a safe deposit box for a guest (保险箱记录卡)',
    tag: 'frontOffice',
    answer: one('SafeBox'),
    bodyExample: {
      storeId: ULID_STORE,
      boxNumber: '12',
      guestName: '王先生',
      room: '1203',
      idType: 'resident_id',
      idLast4: '002X',
      signatureRef: 'SB-2026-0012',
    },
  },
  listSafeBoxes: {
    summary: 'A store’s safe deposit boxes (保险箱使用情况记录本)',
    tag: 'frontOffice',
    answer: page('SafeBox'),
  },
  getSafeBox: { summary: 'Read a safe deposit box card', tag: 'frontOffice', answer: one('SafeBox') },
  recordSafeBoxAccess: {
    summary: 'Log a signed access to a safe deposit box',
    tag: 'frontOffice',
    answer: one('SafeBox'),
    bodyExample: { version: 1, signatureRef: 'SB-2026-0012-2' },
  },
  closeSafeBox: {
    summary: 'Close a safe deposit box at check-out (key not returned: its fee)',
    tag: 'frontOffice',
    answer: one('SafeBox'),
    bodyExample: { version: 2, keyReturned: true, signatureRef: 'SB-2026-0012-3' },
  },
  createShiftHandover: {
    summary: 'Hand a shift over (前台交班本): cash, notes and a snapshot of open items',
    tag: 'frontOffice',
    answer: one('ShiftHandover'),
    bodyExample: {
      storeId: ULID_STORE,
      shiftDate: '2026-11-27',
      shiftStart: '07:00',
      cashCount: 150_000,
      notes: '1203 客人要求延迟退房至 14:00。',
    },
  },
  listShiftHandovers: {
    summary: 'A store’s shift handovers, the latest first',
    tag: 'frontOffice',
    answer: page('ShiftHandover'),
  },
  getShiftHandover: { summary: 'Read a shift handover', tag: 'frontOffice', answer: one('ShiftHandover') },
  acceptShiftHandover: {
    summary: 'Accept a shift (by someone other than who handed it over); it is immutable after',
    tag: 'frontOffice',
    answer: one('ShiftHandover'),
    bodyExample: { version: 1, note: '已核对现金和行李。' },
  },
  settleCompensationReceivable: {
    summary: 'Record the merchant’s payment of its receivable (应收款); the claim closes when covered',
    tag: 'compensation',
    answer: one('CompensationClaim'),
    bodyExample: { amount: 300_000, method: 'bank_transfer', reference: 'HK-20261215-01', version: 7 },
  },
  createDepartment: {
    summary: 'Set up a department (部门) of a store, or of the tenant, with its members',
    tag: 'departments',
    answer: one('Department'),
    bodyExample: { storeId: ULID_STORE, name: '家具部', members: [ULID_STAFF] },
  },
  listDepartments: {
    summary: 'A store’s departments, or the tenant-wide ones',
    tag: 'departments',
    answer: page('Department'),
  },
  getDepartment: { summary: 'Read a department', tag: 'departments', answer: one('Department') },
  updateDepartment: {
    summary: 'Rename a department or replace its members',
    tag: 'departments',
    answer: one('Department'),
    bodyExample: { version: 1, members: [ULID_STAFF] },
  },
  createComplaint: {
    summary: 'Record a complaint case (投诉登记) on a complaint ticket',
    tag: 'complaints',
    answer: one('Complaint'),
    bodyExample: {
      ticketId: ULID_TICKET,
      complainant: { name: '王女士', phone: '13800138000' },
      respondent: { kind: 'merchant', id: ULID_MERCHANT },
      category: 'product_quality',
      content: '新买的衣柜门三天就脱落了。',
      claim: { kinds: ['repair', 'apology'], detail: '上门维修并道歉' },
    },
  },
  listComplaints: {
    summary: 'The complaint register (消费者投诉处理登记表) of a store by period, validity and status',
    tag: 'complaints',
    answer: page('Complaint'),
  },
  getComplaint: { summary: 'Read a complaint case', tag: 'complaints', answer: one('Complaint') },
  recordComplaintStep: {
    summary:
      'Record a step: judge validity (成立/部分成立/不成立), investigate, remedy, feed back, satisfaction',
    tag: 'complaints',
    answer: one('Complaint'),
    bodyExample: { version: 1, step: 'judge', validity: 'valid', reason: '商品存在质量问题' },
  },
  listNotifications: { summary: 'List my notifications', tag: 'notifications', answer: page('Notification') },
  readNotification: {
    summary: 'Mark a notification read',
    tag: 'notifications',
    answer: one('Notification'),
  },
  createRepair: {
    summary: 'Register a repair (维修登记) on its repair ticket: on site, mail-in or parts',
    tag: 'repairs',
    answer: one('RepairCase'),
    bodyExample: {
      ticketId: ULID_TICKET,
      customerId: ULID_CUSTOMER,
      purchaseId: ULID_PURCHASE,
      line: 1,
      mode: 'mail_in',
      problem: '笔记本无法开机，充电指示灯不亮。',
    },
  },
  listRepairs: { summary: 'A store’s repairs (维修登记表)', tag: 'repairs', answer: page('RepairCase') },
  getRepair: { summary: 'Read a repair case (维修单)', tag: 'repairs', answer: one('RepairCase') },
  recordRepairStep: {
    summary:
      'Record a step of a repair: parcel received, inspected, quoted (报价, from the price list), accepted and paid, declined (拒绝报价), shipped, delivered, guidance, on-site visit rescheduled (改约) or recorded, withdrawn (客户撤回) or cancelled, a refund due paid back (退款)',
    tag: 'repairs',
    answer: one('RepairCase'),
    bodyExample: {
      step: 'quote',
      version: 3,
      lines: [
        { code: 'LAB-MB', quantity: 1 },
        { code: 'PART-PMIC', quantity: 1 },
      ],
      description: '更换主板电源管理芯片',
    },
  },
  getRepairPriceList: {
    summary: 'Read the repair price list (维修价目表)',
    tag: 'repairs',
    answer: one('RepairPriceList'),
  },
  putRepairPriceList: {
    summary: 'Replace the repair price list: labour and parts in fen, the inspection fee (检测费)',
    tag: 'repairs',
    answer: one('RepairPriceList'),
    bodyExample: {
      items: [
        { code: 'LAB-MB', name: '主板维修工时', kind: 'labour', amount: 15_000 },
        { code: 'PART-PMIC', name: '电源管理芯片', kind: 'part', amount: 30_000 },
        { code: 'LAB-VISIT', name: '上门服务费', kind: 'labour', amount: 8_000 },
      ],
      inspectionFee: 5_000,
    },
  },
  createWebhookSubscription: {
    summary: 'Subscribe a receiver URL to events; the signing secret is answered this once',
    tag: 'webhooks',
    answer: one('WebhookSubscriptionWithSecret'),
    bodyExample: {
      url: 'https://crm.example.com/service-desk/webhooks',
      events: ['ticket.created', 'ticket.status_changed', 'sla.breached'],
      description: '会员CRM：工单同步',
    },
  },
  listWebhookSubscriptions: {
    summary: 'List the tenant’s webhook subscriptions',
    tag: 'webhooks',
    answer: page('WebhookSubscription'),
  },
  getWebhookSubscription: {
    summary: 'Read a webhook subscription (never its secret)',
    tag: 'webhooks',
    answer: one('WebhookSubscription'),
  },
  updateWebhookSubscription: {
    summary: 'Change a subscription’s URL, events or description, or enable/disable it',
    tag: 'webhooks',
    answer: one('WebhookSubscription'),
    bodyExample: { version: 1, events: ['ticket.created', 'revisit.done'], enabled: true },
  },
  deleteWebhookSubscription: {
    summary: 'Delete a webhook subscription; answers it as it was',
    tag: 'webhooks',
    answer: one('WebhookSubscription'),
  },
  rotateWebhookSecret: {
    summary: 'Replace the signing secret; the new one is answered this once',
    tag: 'webhooks',
    answer: one('WebhookSubscriptionWithSecret'),
    bodyExample: { version: 2 },
  },
  listWebhookDeliveries: {
    summary: 'The delivery log: recent attempts, newest first (30 days)',
    tag: 'webhooks',
    answer: page('WebhookAttempt'),
  },
  getWeeklyStoreReport: {
    summary:
      'A store’s weekly report (周报表); `format=csv` answers text/csv (UTF-8 with BOM), `format=xlsx` an Excel workbook, both with Chinese headers',
    tag: 'reports',
    answer: one('WeeklyStoreReport'),
  },
  createEquipment: {
    summary: 'Enter a piece of equipment in the store’s register (设备管理表)',
    tag: 'ledgers',
    answer: one('Equipment'),
    bodyExample: {
      storeId: ULID_STORE,
      name: '对讲机',
      model: 'Motorola T82',
      serialNumber: 'SN-2026-0042',
      issuedTo: '王芳',
      issuedOn: '2026-11-27',
    },
  },
  listEquipment: {
    summary: 'A store’s equipment register, in the order entered',
    tag: 'ledgers',
    answer: page('Equipment'),
  },
  updateEquipment: {
    summary: 'Issue, take back or correct a piece of equipment (`null` clears a field)',
    tag: 'ledgers',
    answer: one('Equipment'),
    bodyExample: { returnedOn: '2026-11-30', version: 1 },
  },
  exportLedger: {
    summary:
      'The desk ledger (服务台台账): a store’s tickets opened on local days from–to, 未处理/处理中/已解决; `format=csv|xlsx` answers a file, `next-cursor` header for the next page',
    tag: 'ledgers',
    answer: one('LedgerPage'),
  },
  exportEquipmentRegister: {
    summary: 'The equipment register (设备管理表) as JSON, CSV or XLSX, a page at a time',
    tag: 'ledgers',
    answer: one('EquipmentRegisterPage'),
  },
  exportStaffRegister: {
    summary: 'The staff register (人员管理表) as JSON, CSV or XLSX, a page at a time',
    tag: 'ledgers',
    answer: one('StaffRegisterPage'),
  },
  getMonthlyStaffAssessment: {
    summary:
      'A store’s monthly staff assessment (月考核表); `format=csv|xlsx` answers a file (CSV: UTF-8 with BOM; Chinese headers)',
    tag: 'reports',
    answer: one('MonthlyStaffAssessment'),
  },
  getSlaReport: {
    summary:
      'A store’s SLA report: met and breached per clock per local day (≤ 92 days); `format=csv|xlsx` answers a file (CSV: UTF-8 with BOM)',
    tag: 'reports',
    answer: one('SlaReport'),
  },
  exportReturnRegister: {
    summary:
      'The no-reason return register (无理由退货处理单): a store’s return and exchange cases registered on local days from–to; `format=csv|xlsx` answers a file, `next-cursor` header for the next page',
    tag: 'ledgers',
    answer: one('ReturnRegisterPage'),
  },
  exportReturnSummary: {
    summary:
      'The return summary (无理由退货处理汇总表): per local day and in total, cases by kind, reason and outcome and the amount refunded, from the aggregates; JSON, CSV or XLSX',
    tag: 'ledgers',
    answer: one('ReturnSummary'),
  },
  exportComplaintRegister: {
    summary:
      'The complaint register (消费者投诉处理登记表): a store’s complaints registered on local days from–to, as JSON, CSV or XLSX, a page at a time',
    tag: 'ledgers',
    answer: one('ComplaintRegisterPage'),
  },
  exportCompensationApprovals: {
    summary:
      'Advance compensation approvals (售后服务先行赔偿审批表): claims requested on local days from–to with their decisions, payment and recovery; JSON, CSV or XLSX, paged',
    tag: 'ledgers',
    answer: one('CompensationApprovalsPage'),
  },
  exportRevisitRegister: {
    summary:
      'The revisit register (回访登记表): a store’s revisits due on local days from–to, whatever their status; JSON, CSV or XLSX, paged',
    tag: 'ledgers',
    answer: one('RevisitRegisterPage'),
  },
  getChainReport: {
    summary:
      'Chain-wide roll-up (连锁汇总): the weekly report’s figures per store over local days from–to (≤ 92 days) and their total; managers and admins, every store of the tenant (100 stores a page, `cursor`); `format=csv|xlsx` answers a file, `next-cursor` header for the next page',
    tag: 'reports',
    answer: one('ChainReport'),
  },
};
