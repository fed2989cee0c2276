import { dispatcherRoles, type StaffRole, staffRoles, supervisorsUp } from '../access/roles';
import type { TableAccess } from '../db/table';
import type { HttpMethod, HttpRoute } from './route';

/**
 * The one route table: every export of this module is a route, named for its operation. CDK
 * creates one Lambda and one HTTP API route per entry; the local server matches requests against
 * the same entries and calls the same handler modules. Handlers read their `roles` from here, so
 * who may call what is stated once. A handler imports its own entry (`routes.createTicket`); the
 * whole table is shared/http/route-table.ts. Export nothing here that is not a route.
 */

/**
 * One route entry; the handler lives at functions/http/<handler>.ts. Marked free of side effects
 * so a handler's bundle keeps only the entry it imports, not the whole table.
 */
/* @__NO_SIDE_EFFECTS__ */
function route(
  method: HttpMethod,
  path: string,
  handler: string,
  roles: readonly StaffRole[],
  tableAccess: TableAccess,
  options: { readonly auth?: HttpRoute['auth']; readonly idempotent?: boolean } = {},
): HttpRoute {
  return {
    method,
    path,
    handler: `functions/http/${handler}.ts`,
    auth: options.auth ?? 'jwt',
    roles,
    tableAccess,
    ...(options.idempotent ? { idempotent: true } : {}),
  };
}

const everyone: readonly StaffRole[] = staffRoles;

export const health = route('GET', '/v1/health', 'health', [], 'none', { auth: 'none' });
export const getOpenApiDocument = route('GET', '/v1/openapi.json', 'get-open-api-document', [], 'none', {
  auth: 'none',
});
// The reference page renders the document above; problem `type` URIs point into it. It is a page
// for people, outside the versioned API.
export const getReferencePage = route('GET', '/docs', 'get-reference-page', [], 'none', { auth: 'none' });
export const getReferencePageScript = route(
  'GET',
  '/docs/scalar.js',
  'get-reference-page-script',
  [],
  'none',
  {
    auth: 'none',
  },
);

export const createStore = route('POST', '/v1/stores', 'create-store', ['admin'], 'readwrite', {
  idempotent: true,
});
export const listStores = route('GET', '/v1/stores', 'list-stores', everyone, 'read');
export const getStore = route('GET', '/v1/stores/{storeId}', 'get-store', everyone, 'read');
export const updateStore = route(
  'PATCH',
  '/v1/stores/{storeId}',
  'update-store',
  ['manager', 'admin'],
  'readwrite',
);

export const createStaff = route('POST', '/v1/staff', 'create-staff', ['manager', 'admin'], 'readwrite', {
  idempotent: true,
});
export const listStaff = route('GET', '/v1/staff', 'list-staff', supervisorsUp, 'read');
export const updateStaff = route(
  'PATCH',
  '/v1/staff/{staffId}',
  'update-staff',
  ['manager', 'admin'],
  'readwrite',
);

export const getStoreCalendar = route(
  'GET',
  '/v1/stores/{storeId}/calendar',
  'get-store-calendar',
  everyone,
  'read',
);
export const putStoreCalendar = route(
  'PUT',
  '/v1/stores/{storeId}/calendar',
  'put-store-calendar',
  ['manager', 'admin'],
  'readwrite',
);
export const getTenantCalendar = route('GET', '/v1/calendar', 'get-tenant-calendar', everyone, 'read');
export const putTenantCalendar = route('PUT', '/v1/calendar', 'put-tenant-calendar', ['admin'], 'readwrite');
export const getSlaPolicies = route('GET', '/v1/sla-policies', 'get-sla-policies', everyone, 'read');
export const putSlaPolicies = route('PUT', '/v1/sla-policies', 'put-sla-policies', ['admin'], 'readwrite');

export const getSettings = route('GET', '/v1/settings', 'get-settings', everyone, 'read');
export const putSettings = route('PUT', '/v1/settings', 'put-settings', ['admin'], 'readwrite');

export const createCustomer = route('POST', '/v1/customers', 'create-customer', everyone, 'readwrite', {
  idempotent: true,
});
export const findCustomers = route('GET', '/v1/customers', 'find-customers', everyone, 'read');
export const getCustomer = route('GET', '/v1/customers/{customerId}', 'get-customer', everyone, 'read');
export const listCustomerPurchases = route(
  'GET',
  '/v1/customers/{customerId}/purchases',
  'list-customer-purchases',
  everyone,
  'read',
);
export const createPurchase = route('POST', '/v1/purchases', 'create-purchase', everyone, 'readwrite', {
  idempotent: true,
});
export const closePurchase = route(
  'POST',
  '/v1/customers/{customerId}/purchases/{purchaseId}/status',
  'close-purchase',
  dispatcherRoles,
  'readwrite',
);
export const listCustomerRevisits = route(
  'GET',
  '/v1/customers/{customerId}/revisits',
  'list-customer-revisits',
  everyone,
  'read',
);

export const getRevisitRules = route('GET', '/v1/revisit-rules', 'get-revisit-rules', everyone, 'read');
export const putRevisitRules = route('PUT', '/v1/revisit-rules', 'put-revisit-rules', ['admin'], 'readwrite');
export const createRevisit = route('POST', '/v1/revisits', 'create-revisit', everyone, 'readwrite', {
  idempotent: true,
});
export const listRevisits = route('GET', '/v1/revisits', 'list-revisits', everyone, 'read');
export const getRevisit = route('GET', '/v1/revisits/{revisitId}', 'get-revisit', everyone, 'read');
export const assignRevisit = route(
  'POST',
  '/v1/revisits/{revisitId}/assign',
  'assign-revisit',
  dispatcherRoles,
  'readwrite',
);
export const recordRevisitAttempt = route(
  'POST',
  '/v1/revisits/{revisitId}/attempts',
  'record-revisit-attempt',
  everyone,
  'readwrite',
  { idempotent: true },
);

export const createTicket = route('POST', '/v1/tickets', 'create-ticket', everyone, 'readwrite', {
  idempotent: true,
});
export const listTickets = route('GET', '/v1/tickets', 'list-tickets', everyone, 'read');
export const getTicket = route('GET', '/v1/tickets/{ticketId}', 'get-ticket', everyone, 'read');
export const updateTicket = route('PATCH', '/v1/tickets/{ticketId}', 'update-ticket', everyone, 'readwrite');
export const assignTicket = route(
  'POST',
  '/v1/tickets/{ticketId}/assign',
  'assign-ticket',
  dispatcherRoles,
  'readwrite',
);
// Who may make which move is the status machine's role table (shared/tickets/lifecycle.ts).
export const transitionTicket = route(
  'POST',
  '/v1/tickets/{ticketId}/transitions',
  'transition-ticket',
  everyone,
  'readwrite',
);
export const commentOnTicket = route(
  'POST',
  '/v1/tickets/{ticketId}/comments',
  'comment-on-ticket',
  everyone,
  'readwrite',
  { idempotent: true },
);
export const ticketTimeline = route(
  'GET',
  '/v1/tickets/{ticketId}/timeline',
  'ticket-timeline',
  everyone,
  'read',
);

/** Who registers returns and records their stages: the desk and those above it (overrides: the policy says). */
const returnDesk: readonly StaffRole[] = [
  'front_desk',
  'complaint_handler',
  'supervisor',
  'manager',
  'admin',
];

export const getAfterSalesPolicy = route(
  'GET',
  '/v1/after-sales-policy',
  'get-after-sales-policy',
  everyone,
  'read',
);
export const putAfterSalesPolicy = route(
  'PUT',
  '/v1/after-sales-policy',
  'put-after-sales-policy',
  ['admin'],
  'readwrite',
);
export const checkReturnEligibility = route(
  'POST',
  '/v1/returns/eligibility',
  'check-return-eligibility',
  everyone,
  'read',
);
export const createReturn = route('POST', '/v1/returns', 'create-return', returnDesk, 'readwrite', {
  idempotent: true,
});
export const listReturns = route('GET', '/v1/returns', 'list-returns', everyone, 'read');
export const getReturn = route('GET', '/v1/returns/{returnId}', 'get-return', everyone, 'read');
export const recordReturnStep = route(
  'POST',
  '/v1/returns/{returnId}/steps',
  'record-return-step',
  returnDesk,
  'readwrite',
);

export const createMerchant = route(
  'POST',
  '/v1/merchants',
  'create-merchant',
  ['manager', 'admin'],
  'readwrite',
  {
    idempotent: true,
  },
);
export const listMerchants = route('GET', '/v1/merchants', 'list-merchants', everyone, 'read');
export const getMerchant = route('GET', '/v1/merchants/{merchantId}', 'get-merchant', everyone, 'read');
export const transitionMerchant = route(
  'POST',
  '/v1/merchants/{merchantId}/transitions',
  'transition-merchant',
  ['manager', 'admin'],
  'readwrite',
);
export const recordDepositEntry = route(
  'POST',
  '/v1/merchants/{merchantId}/deposit-entries',
  'record-deposit-entry',
  ['manager', 'admin'],
  'readwrite',
  { idempotent: true },
);
export const listDepositEntries = route(
  'GET',
  '/v1/merchants/{merchantId}/deposit-entries',
  'list-deposit-entries',
  supervisorsUp,
  'read',
);

const claimants: readonly StaffRole[] = ['front_desk', 'complaint_handler', 'supervisor', 'manager', 'admin'];
export const getCompensationPolicy = route(
  'GET',
  '/v1/compensation-policy',
  'get-compensation-policy',
  everyone,
  'read',
);
export const putCompensationPolicy = route(
  'PUT',
  '/v1/compensation-policy',
  'put-compensation-policy',
  ['admin'],
  'readwrite',
);
export const createCompensationClaim = route(
  'POST',
  '/v1/compensation-claims',
  'create-compensation-claim',
  claimants,
  'readwrite',
  { idempotent: true },
);
export const listCompensationClaims = route(
  'GET',
  '/v1/compensation-claims',
  'list-compensation-claims',
  claimants,
  'read',
);
export const getCompensationClaim = route(
  'GET',
  '/v1/compensation-claims/{claimId}',
  'get-compensation-claim',
  claimants,
  'read',
);
// Which approver may decide which step is the claim's approval level (shared/compensation/policy.ts).
export const decideCompensationClaim = route(
  'POST',
  '/v1/compensation-claims/{claimId}/decisions',
  'decide-compensation-claim',
  supervisorsUp,
  'readwrite',
);
export const recordCompensationPayment = route(
  'POST',
  '/v1/compensation-claims/{claimId}/payment',
  'record-compensation-payment',
  supervisorsUp,
  'readwrite',
);
export const recoverCompensationClaim = route(
  'POST',
  '/v1/compensation-claims/{claimId}/recovery',
  'recover-compensation-claim',
  ['manager', 'admin'],
  'readwrite',
);

export const listNotifications = route('GET', '/v1/me/notifications', 'list-notifications', everyone, 'read');
export const readNotification = route(
  'POST',
  '/v1/me/notifications/{notificationId}/read',
  'read-notification',
  everyone,
  'readwrite',
);

/** The hotel front office (前厅): the desk, and the duty managers above it. */
const frontOffice: readonly StaffRole[] = ['front_desk', 'supervisor', 'manager', 'admin'];

export const createWakeUpCall = route(
  'POST',
  '/v1/wake-up-calls',
  'create-wake-up-call',
  frontOffice,
  'readwrite',
  {
    idempotent: true,
  },
);
export const listWakeUpCalls = route('GET', '/v1/wake-up-calls', 'list-wake-up-calls', frontOffice, 'read');
export const getWakeUpCall = route(
  'GET',
  '/v1/wake-up-calls/{wakeUpCallId}',
  'get-wake-up-call',
  frontOffice,
  'read',
);
export const recordWakeUpAttempt = route(
  'POST',
  '/v1/wake-up-calls/{wakeUpCallId}/attempts',
  'record-wake-up-attempt',
  frontOffice,
  'readwrite',
  { idempotent: true },
);
export const cancelWakeUpCall = route(
  'POST',
  '/v1/wake-up-calls/{wakeUpCallId}/cancel',
  'cancel-wake-up-call',
  frontOffice,
  'readwrite',
);

export const lendItem = route('POST', '/v1/loans', 'lend-item', frontOffice, 'readwrite', {
  idempotent: true,
});
export const listLoans = route('GET', '/v1/loans', 'list-loans', frontOffice, 'read');
export const getLoan = route('GET', '/v1/loans/{loanId}', 'get-loan', frontOffice, 'read');
export const returnLentItem = route(
  'POST',
  '/v1/loans/{loanId}/return',
  'return-lent-item',
  frontOffice,
  'readwrite',
);
export const keepLoanDeposit = route(
  'POST',
  '/v1/loans/{loanId}/keep-deposit',
  'keep-loan-deposit',
  frontOffice,
  'readwrite',
);

export const recordFoundItem = route(
  'POST',
  '/v1/lost-items',
  'record-found-item',
  frontOffice,
  'readwrite',
  {
    idempotent: true,
  },
);
export const listLostItems = route('GET', '/v1/lost-items', 'list-lost-items', frontOffice, 'read');
export const getLostItem = route('GET', '/v1/lost-items/{lostItemId}', 'get-lost-item', frontOffice, 'read');
export const claimLostItem = route(
  'POST',
  '/v1/lost-items/{lostItemId}/claim',
  'claim-lost-item',
  frontOffice,
  'readwrite',
);
export const disposeLostItem = route(
  'POST',
  '/v1/lost-items/{lostItemId}/dispose',
  'dispose-lost-item',
  frontOffice,
  'readwrite',
);

export const createGuestMessage = route(
  'POST',
  '/v1/guest-messages',
  'create-guest-message',
  frontOffice,
  'readwrite',
  { idempotent: true },
);
export const listGuestMessages = route(
  'GET',
  '/v1/guest-messages',
  'list-guest-messages',
  frontOffice,
  'read',
);
export const getGuestMessage = route(
  'GET',
  '/v1/guest-messages/{guestMessageId}',
  'get-guest-message',
  frontOffice,
  'read',
);
export const deliverGuestMessage = route(
  'POST',
  '/v1/guest-messages/{guestMessageId}/deliver',
  'deliver-guest-message',
  frontOffice,
  'readwrite',
);
export const acknowledgeGuestMessage = route(
  'POST',
  '/v1/guest-messages/{guestMessageId}/acknowledge',
  'acknowledge-guest-message',
  frontOffice,
  'readwrite',
);

export const storeLuggage = route('POST', '/v1/luggage', 'store-luggage', frontOffice, 'readwrite', {
  idempotent: true,
});
export const listLuggage = route('GET', '/v1/luggage', 'list-luggage', frontOffice, 'read');
export const getLuggage = route('GET', '/v1/luggage/{luggageId}', 'get-luggage', frontOffice, 'read');
export const pickUpLuggage = route(
  'POST',
  '/v1/luggage/{luggageId}/pick-up',
  'pick-up-luggage',
  frontOffice,
  'readwrite',
);

export const openSafeBox = route('POST', '/v1/safe-boxes', 'open-safe-box', frontOffice, 'readwrite', {
  idempotent: true,
});
export const listSafeBoxes = route('GET', '/v1/safe-boxes', 'list-safe-boxes', frontOffice, 'read');
export const getSafeBox = route('GET', '/v1/safe-boxes/{safeBoxId}', 'get-safe-box', frontOffice, 'read');
export const recordSafeBoxAccess = route(
  'POST',
  '/v1/safe-boxes/{safeBoxId}/accesses',
  'record-safe-box-access',
  frontOffice,
  'readwrite',
);
export const closeSafeBox = route(
  'POST',
  '/v1/safe-boxes/{safeBoxId}/close',
  'close-safe-box',
  frontOffice,
  'readwrite',
);

export const createShiftHandover = route(
  'POST',
  '/v1/shift-handovers',
  'create-shift-handover',
  frontOffice,
  'readwrite',
  { idempotent: true },
);
export const listShiftHandovers = route(
  'GET',
  '/v1/shift-handovers',
  'list-shift-handovers',
  frontOffice,
  'read',
);
export const getShiftHandover = route(
  'GET',
  '/v1/shift-handovers/{shiftHandoverId}',
  'get-shift-handover',
  frontOffice,
  'read',
);
export const acceptShiftHandover = route(
  'POST',
  '/v1/shift-handovers/{shiftHandoverId}/accept',
  'accept-shift-handover',
  frontOffice,
  'readwrite',
);

// The merchant pays what its deposit did not cover (应收款); the claim closes when covered.
export const settleCompensationReceivable = route(
  'POST',
  '/v1/compensation-claims/{claimId}/settlement',
  'settle-compensation-receivable',
  ['manager', 'admin'],
  'readwrite',
);

/** Departments (部门) of a store or of the tenant: managers set them up, everyone reads them. */
export const createDepartment = route(
  'POST',
  '/v1/departments',
  'create-department',
  ['manager', 'admin'],
  'readwrite',
  { idempotent: true },
);
export const listDepartments = route('GET', '/v1/departments', 'list-departments', everyone, 'read');
export const getDepartment = route(
  'GET',
  '/v1/departments/{departmentId}',
  'get-department',
  everyone,
  'read',
);
export const updateDepartment = route(
  'PATCH',
  '/v1/departments/{departmentId}',
  'update-department',
  ['manager', 'admin'],
  'readwrite',
);

/** Complaint cases (投诉处理): the desk records them, complaint handlers and supervisors work them. */
// Literal lists (no spreads): a bundler keeps a spread, and so this line, in every handler's bundle.
const complaintDesk: readonly StaffRole[] = [
  'front_desk',
  'complaint_handler',
  'supervisor',
  'manager',
  'admin',
];
const complaintHandlers: readonly StaffRole[] = ['complaint_handler', 'supervisor', 'manager', 'admin'];
export const createComplaint = route(
  'POST',
  '/v1/complaints',
  'create-complaint',
  complaintDesk,
  'readwrite',
  {
    idempotent: true,
  },
);
export const listComplaints = route('GET', '/v1/complaints', 'list-complaints', complaintDesk, 'read');
export const getComplaint = route('GET', '/v1/complaints/{complaintId}', 'get-complaint', everyone, 'read');
export const recordComplaintStep = route(
  'POST',
  '/v1/complaints/{complaintId}/steps',
  'record-complaint-step',
  complaintHandlers,
  'readwrite',
);

/** Who works repairs: the desk registers and hands over, technicians inspect, quote and repair (steps: repairs/model.ts). */
const repairDesk: readonly StaffRole[] = ['front_desk', 'technician', 'supervisor', 'manager', 'admin'];

export const createRepair = route(
  'POST',
  '/v1/repairs',
  'create-repair',
  ['front_desk', 'supervisor', 'manager', 'admin'],
  'readwrite',
  { idempotent: true },
);
export const listRepairs = route('GET', '/v1/repairs', 'list-repairs', repairDesk, 'read');
export const getRepair = route('GET', '/v1/repairs/{repairId}', 'get-repair', repairDesk, 'read');
export const recordRepairStep = route(
  'POST',
  '/v1/repairs/{repairId}/steps',
  'record-repair-step',
  repairDesk,
  'readwrite',
);
/** The repair price list (维修价目表): the repair desk reads it to quote; admins set it, like other tenant settings. */
export const getRepairPriceList = route(
  'GET',
  '/v1/repair-price-list',
  'get-repair-price-list',
  repairDesk,
  'read',
);
export const putRepairPriceList = route(
  'PUT',
  '/v1/repair-price-list',
  'put-repair-price-list',
  ['admin'],
  'readwrite',
);

// Outbound webhooks (issue 15, item 4): the tenant's admins alone manage subscriptions and read
// the delivery log.
export const createWebhookSubscription = route(
  'POST',
  '/v1/webhook-subscriptions',
  'create-webhook-subscription',
  ['admin'],
  'readwrite',
  { idempotent: true },
);
export const listWebhookSubscriptions = route(
  'GET',
  '/v1/webhook-subscriptions',
  'list-webhook-subscriptions',
  ['admin'],
  'read',
);
export const getWebhookSubscription = route(
  'GET',
  '/v1/webhook-subscriptions/{subscriptionId}',
  'get-webhook-subscription',
  ['admin'],
  'read',
);
export const updateWebhookSubscription = route(
  'PATCH',
  '/v1/webhook-subscriptions/{subscriptionId}',
  'update-webhook-subscription',
  ['admin'],
  'readwrite',
);
export const deleteWebhookSubscription = route(
  'DELETE',
  '/v1/webhook-subscriptions/{subscriptionId}',
  'delete-webhook-subscription',
  ['admin'],
  'readwrite',
);
export const rotateWebhookSecret = route(
  'POST',
  '/v1/webhook-subscriptions/{subscriptionId}/secret',
  'rotate-webhook-secret',
  ['admin'],
  'readwrite',
);
export const listWebhookDeliveries = route(
  'GET',
  '/v1/webhook-subscriptions/{subscriptionId}/deliveries',
  'list-webhook-deliveries',
  ['admin'],
  'read',
);

/** Reports (报表) from the aggregates: supervisors for their stores, managers and admins chain-wide. */
export const getWeeklyStoreReport = route(
  'GET',
  '/v1/reports/weekly-store',
  'get-weekly-store-report',
  supervisorsUp,
  'read',
);
/** 月考核表: a store's staff for a month; the same roles and store scope as the weekly report. */
export const getMonthlyStaffAssessment = route(
  'GET',
  '/v1/reports/monthly-staff-assessment',
  'get-monthly-staff-assessment',
  supervisorsUp,
  'read',
);
/** SLA report: met and breached per clock per local day of a store; the weekly report's roles. */
export const getSlaReport = route('GET', '/v1/reports/sla', 'get-sla-report', supervisorsUp, 'read');
/**
 * 连锁汇总: the weekly report's figures per store over a range of local days, and the total.
 * Managers and admins read every store of the tenant, as in the store reports; no other role.
 */
export const getChainReport = route(
  'GET',
  '/v1/reports/chain',
  'get-chain-report',
  ['manager', 'admin'],
  'read',
);

/** 设备管理表: the desk's equipment per store; the desk issues and takes back, supervisors up export. */
export const createEquipment = route(
  'POST',
  '/v1/equipment',
  'create-equipment',
  dispatcherRoles,
  'readwrite',
  {
    idempotent: true,
  },
);
export const listEquipment = route('GET', '/v1/equipment', 'list-equipment', dispatcherRoles, 'read');
export const updateEquipment = route(
  'PATCH',
  '/v1/equipment/{equipmentId}',
  'update-equipment',
  dispatcherRoles,
  'readwrite',
);

/** Ledgers and registers (台账, 登记表) as JSON, CSV or XLSX, a page at a time. */
export const exportLedger = route('GET', '/v1/exports/ledger', 'export-ledger', supervisorsUp, 'read');
export const exportEquipmentRegister = route(
  'GET',
  '/v1/exports/equipment-register',
  'export-equipment-register',
  supervisorsUp,
  'read',
);
export const exportStaffRegister = route(
  'GET',
  '/v1/exports/staff-register',
  'export-staff-register',
  supervisorsUp,
  'read',
);

/** The after-sales and complaint registers of a period (登记表), with the roles of their JSON lists. */
export const exportReturnRegister = route(
  'GET',
  '/v1/exports/return-register',
  'export-return-register',
  everyone,
  'read',
);
export const exportReturnSummary = route(
  'GET',
  '/v1/exports/return-summary',
  'export-return-summary',
  everyone,
  'read',
);
export const exportComplaintRegister = route(
  'GET',
  '/v1/exports/complaint-register',
  'export-complaint-register',
  complaintDesk,
  'read',
);
export const exportCompensationApprovals = route(
  'GET',
  '/v1/exports/compensation-approvals',
  'export-compensation-approvals',
  claimants,
  'read',
);
export const exportRevisitRegister = route(
  'GET',
  '/v1/exports/revisit-register',
  'export-revisit-register',
  everyone,
  'read',
);

// Anything unmatched gets a problem+json 404 from our code rather than API Gateway's own body.
export const notFound: HttpRoute = {
  method: 'ANY',
  path: '$default',
  handler: 'functions/http/not-found.ts',
  auth: 'none',
  roles: [],
  tableAccess: 'none',
};
