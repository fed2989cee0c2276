import type { StaffRole } from '../shared/staff/roles';

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
  readonly tableAccess: 'none' | 'read' | 'readwrite';
}

const everyone: readonly StaffRole[] = [
  'front_desk',
  'complaint_handler',
  'technician',
  'supervisor',
  'manager',
  'admin',
];

export const httpRoutes = {
  health: {
    method: 'GET',
    path: '/v1/health',
    handler: 'functions/http/health.ts',
    auth: 'none',
    roles: [],
    tableAccess: 'none',
  },
  createStore: {
    method: 'POST',
    path: '/v1/stores',
    handler: 'functions/http/create-store.ts',
    auth: 'jwt',
    roles: ['admin'],
    tableAccess: 'readwrite',
  },
  listStores: {
    method: 'GET',
    path: '/v1/stores',
    handler: 'functions/http/list-stores.ts',
    auth: 'jwt',
    roles: everyone,
    tableAccess: 'read',
  },
  getStore: {
    method: 'GET',
    path: '/v1/stores/{storeId}',
    handler: 'functions/http/get-store.ts',
    auth: 'jwt',
    roles: everyone,
    tableAccess: 'read',
  },
  createStaff: {
    method: 'POST',
    path: '/v1/staff',
    handler: 'functions/http/create-staff.ts',
    auth: 'jwt',
    roles: ['manager', 'admin'],
    tableAccess: 'readwrite',
  },
  listStaff: {
    method: 'GET',
    path: '/v1/staff',
    handler: 'functions/http/list-staff.ts',
    auth: 'jwt',
    roles: ['supervisor', 'manager', 'admin'],
    tableAccess: 'read',
  },
  createTicket: {
    method: 'POST',
    path: '/v1/tickets',
    handler: 'functions/http/create-ticket.ts',
    auth: 'jwt',
    roles: everyone,
    tableAccess: 'readwrite',
  },
  listTickets: {
    method: 'GET',
    path: '/v1/tickets',
    handler: 'functions/http/list-tickets.ts',
    auth: 'jwt',
    roles: everyone,
    tableAccess: 'read',
  },
  getTicket: {
    method: 'GET',
    path: '/v1/tickets/{ticketId}',
    handler: 'functions/http/get-ticket.ts',
    auth: 'jwt',
    roles: everyone,
    tableAccess: 'read',
  },
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

/** Work that no HTTP request starts: timers and queue consumers. */
export interface ScheduledFunction {
  readonly handler: string;
  readonly everyMinutes: number;
  readonly tableAccess: 'none' | 'read' | 'readwrite';
}

export const scheduledFunctions = {
  sweeper: { handler: 'functions/schedule/sweeper.ts', everyMinutes: 1, tableAccess: 'readwrite' },
} as const satisfies Record<string, ScheduledFunction>;

export const timerQueues = ['escalation', 'revisit'] as const;
export type TimerQueueName = (typeof timerQueues)[number];
