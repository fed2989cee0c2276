import { dispatcherRoles, type StaffRole, staffRoles, supervisorsUp } from '../access/roles';
import type { TableAccess } from '../db/table';

/**
 * The one route table. CDK creates one Lambda and one HTTP API route per entry; the local
 * server matches requests against the same entries and calls the same handler modules.
 * Handlers read their `roles` from here, so who may call what is stated once.
 * Pure data: safe to import in Lambda code.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRoute {
  readonly method: HttpMethod | 'ANY';
  /** API Gateway route path with `{param}` placeholders, or `$default` for unmatched requests. */
  readonly path: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly handler: string;
  /** `jwt`: the API Gateway JWT authorizer (locally: the local token verifier) guards the route. */
  readonly auth: 'jwt' | 'none';
  /** Roles allowed to call the route; a caller needs at least one. Empty for public routes. */
  readonly roles: readonly StaffRole[];
  /** The least table access the handler needs; CDK grants exactly this. */
  readonly tableAccess: TableAccess;
  /** A creating POST that honours the Idempotency-Key header; it answers 201, and so do its replays. */
  readonly idempotent?: boolean;
}

/** One route entry; the handler lives at functions/http/<handler>.ts. */
function route(
  method: HttpMethod,
  path: string,
  handler: string,
  roles: readonly StaffRole[],
  tableAccess: TableAccess,
  auth: HttpRoute['auth'] = 'jwt',
  idempotent = false,
): HttpRoute {
  return {
    method,
    path,
    handler: `functions/http/${handler}.ts`,
    auth,
    roles,
    tableAccess,
    ...(idempotent ? { idempotent } : {}),
  };
}

const everyone: readonly StaffRole[] = staffRoles;

export const httpRoutes = {
  health: route('GET', '/v1/health', 'health', [], 'none', 'none'),

  createStore: route('POST', '/v1/stores', 'create-store', ['admin'], 'readwrite', 'jwt', true),
  listStores: route('GET', '/v1/stores', 'list-stores', everyone, 'read'),
  getStore: route('GET', '/v1/stores/{storeId}', 'get-store', everyone, 'read'),
  updateStore: route('PATCH', '/v1/stores/{storeId}', 'update-store', ['manager', 'admin'], 'readwrite'),

  createStaff: route('POST', '/v1/staff', 'create-staff', ['manager', 'admin'], 'readwrite', 'jwt', true),
  listStaff: route('GET', '/v1/staff', 'list-staff', supervisorsUp, 'read'),
  updateStaff: route('PATCH', '/v1/staff/{staffId}', 'update-staff', ['manager', 'admin'], 'readwrite'),

  getStoreCalendar: route('GET', '/v1/stores/{storeId}/calendar', 'get-store-calendar', everyone, 'read'),
  putStoreCalendar: route(
    'PUT',
    '/v1/stores/{storeId}/calendar',
    'put-store-calendar',
    ['manager', 'admin'],
    'readwrite',
  ),
  getTenantCalendar: route('GET', '/v1/calendar', 'get-tenant-calendar', everyone, 'read'),
  putTenantCalendar: route('PUT', '/v1/calendar', 'put-tenant-calendar', ['admin'], 'readwrite'),
  getSlaPolicies: route('GET', '/v1/sla-policies', 'get-sla-policies', everyone, 'read'),
  putSlaPolicies: route('PUT', '/v1/sla-policies', 'put-sla-policies', ['admin'], 'readwrite'),

  getSettings: route('GET', '/v1/settings', 'get-settings', everyone, 'read'),
  putSettings: route('PUT', '/v1/settings', 'put-settings', ['admin'], 'readwrite'),

  createCustomer: route('POST', '/v1/customers', 'create-customer', everyone, 'readwrite', 'jwt', true),
  findCustomers: route('GET', '/v1/customers', 'find-customers', everyone, 'read'),
  getCustomer: route('GET', '/v1/customers/{customerId}', 'get-customer', everyone, 'read'),
  listCustomerPurchases: route(
    'GET',
    '/v1/customers/{customerId}/purchases',
    'list-customer-purchases',
    everyone,
    'read',
  ),
  createPurchase: route('POST', '/v1/purchases', 'create-purchase', everyone, 'readwrite', 'jwt', true),
  closePurchase: route(
    'POST',
    '/v1/customers/{customerId}/purchases/{purchaseId}/status',
    'close-purchase',
    dispatcherRoles,
    'readwrite',
  ),
  listCustomerRevisits: route(
    'GET',
    '/v1/customers/{customerId}/revisits',
    'list-customer-revisits',
    everyone,
    'read',
  ),

  getRevisitRules: route('GET', '/v1/revisit-rules', 'get-revisit-rules', everyone, 'read'),
  putRevisitRules: route('PUT', '/v1/revisit-rules', 'put-revisit-rules', ['admin'], 'readwrite'),
  createRevisit: route('POST', '/v1/revisits', 'create-revisit', everyone, 'readwrite', 'jwt', true),
  listRevisits: route('GET', '/v1/revisits', 'list-revisits', everyone, 'read'),
  getRevisit: route('GET', '/v1/revisits/{revisitId}', 'get-revisit', everyone, 'read'),
  assignRevisit: route(
    'POST',
    '/v1/revisits/{revisitId}/assign',
    'assign-revisit',
    dispatcherRoles,
    'readwrite',
  ),
  recordRevisitAttempt: route(
    'POST',
    '/v1/revisits/{revisitId}/attempts',
    'record-revisit-attempt',
    everyone,
    'readwrite',
    'jwt',
    true,
  ),

  createTicket: route('POST', '/v1/tickets', 'create-ticket', everyone, 'readwrite', 'jwt', true),
  listTickets: route('GET', '/v1/tickets', 'list-tickets', everyone, 'read'),
  getTicket: route('GET', '/v1/tickets/{ticketId}', 'get-ticket', everyone, 'read'),
  updateTicket: route('PATCH', '/v1/tickets/{ticketId}', 'update-ticket', everyone, 'readwrite'),
  assignTicket: route('POST', '/v1/tickets/{ticketId}/assign', 'assign-ticket', dispatcherRoles, 'readwrite'),
  // Who may make which move is the status machine's role table (shared/tickets/lifecycle.ts).
  transitionTicket: route(
    'POST',
    '/v1/tickets/{ticketId}/transitions',
    'transition-ticket',
    everyone,
    'readwrite',
  ),
  commentOnTicket: route(
    'POST',
    '/v1/tickets/{ticketId}/comments',
    'comment-on-ticket',
    everyone,
    'readwrite',
    'jwt',
    true,
  ),
  ticketTimeline: route('GET', '/v1/tickets/{ticketId}/timeline', 'ticket-timeline', everyone, 'read'),

  listNotifications: route('GET', '/v1/me/notifications', 'list-notifications', everyone, 'read'),
  readNotification: route(
    'POST',
    '/v1/me/notifications/{notificationId}/read',
    'read-notification',
    everyone,
    'readwrite',
  ),

  // Anything unmatched gets a problem+json 404 from our code rather than API Gateway's own body.
  notFound: {
    method: 'ANY',
    path: '$default',
    handler: 'functions/http/not-found.ts',
    auth: 'none',
    roles: [],
    tableAccess: 'none',
  },
} as const satisfies Record<string, HttpRoute>;

export type HttpRouteName = keyof typeof httpRoutes;
