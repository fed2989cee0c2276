import { randomUUID } from 'node:crypto';
import type { DynamoDBRecord, ScheduledEvent } from 'aws-lambda';
import { type HttpMethod, type HttpRouteName, httpRoutes } from '../../shared/http/route-table';
import type { scheduledFunctions } from '../../shared/timers/functions';
import type { DueEntry } from '../../shared/timers/repository';
import { calendarBody, complaintBody, settingsBody, slaPoliciesBody } from './bodies';
import { created, type DeskFixture, deskFixture, ok } from './fixtures';
import { admin, type Caller, freshTenant, type Invocation } from './invoke';

/**
 * THE table of benchmarked operations. One entry per operation: what it is, which function runs
 * it (by route-table name), how to set it up, and the request of its i-th invocation. Every
 * measurement (cold init, warm CPU, capacity units, the cost model) reads this table; adding an
 * operation is adding an entry here (and its capacity budget in test/kit/capacity-budget.json).
 *
 * Operations that do not exist yet are listed as `pending`: the results name them as
 * "not yet implemented" and never carry a number for them.
 */

export type Measure =
  /** Fresh `node` process: load the bundle, serve one invocation (bench/cold-init.ts). */
  | 'cold'
  /** CPU and wall time per warm invocation, ≥ 1,000 invocations (bench/cpu.ts). */
  | 'cpu'
  /** Read/write capacity units of one invocation, checked against the budget (test/kit/capacity.ts). */
  | 'capacity'
  /** Warm wall time only (fewer invocations than `cpu`), for the cost model. */
  | 'duration';

/** What setup needs beyond the API (the kit's invoker and fixtures do the rest). */
export interface SetupTools {
  /** Writes one raw item (only the GetItem baseline needs this; operations set up through the API). */
  putItem(item: Record<string, unknown>): Promise<void>;
}

export type Target =
  | { readonly kind: 'http'; readonly route: HttpRouteName }
  | { readonly kind: 'scheduled'; readonly name: keyof typeof scheduledFunctions }
  | { readonly kind: 'baseline' }
  /**
   * Work that no single request starts (a timer's claim and completion): the request is passed to
   * `run` in process. Capacity only: there is no one bundle whose start or CPU it would measure.
   */
  | { readonly kind: 'flow'; readonly name: string; readonly run: (request: unknown) => Promise<unknown> };

/** The request for invocation `i` (0, 1, 2…); creates must make each one unique. */
export type RequestFor = (i: number) => Invocation | ScheduledEvent | BaselineEvent;

export interface BaselineEvent {
  readonly pathParameters: { readonly id: string };
}

export interface MeasuredOperation {
  readonly id: string;
  readonly title: string;
  readonly status: 'measured';
  readonly target: Target;
  readonly measures: readonly Measure[];
  /** The status code a successful invocation answers with (HTTP only). */
  readonly expectStatus?: number;
  /** Sets up state for `count` invocations (0 … count − 1) and returns the request of each. */
  prepare(tools: SetupTools, count: number): Promise<RequestFor>;
  /**
   * Measured by `npm run bench` only, with why (e.g. its setup writes thousands of items); the
   * capacity-budget test skips it, and a smaller sibling operation keeps its budget in CI.
   */
  readonly benchOnly?: string;
}

export interface PendingOperation {
  readonly id: string;
  readonly title: string;
  readonly status: 'not yet implemented';
  readonly measures: readonly Measure[];
  /**
   * Where it will be served (per DESIGN.md §5), so the results can say when the route appears;
   * or, for work no route starts, the files whose arrival means the entry can be written.
   */
  readonly expected:
    | { readonly method: HttpMethod; readonly path: string }
    | { readonly note: string; readonly files: readonly string[] };
}

export type BenchOperation = MeasuredOperation | PendingOperation;

const pad = (i: number) => String(i).padStart(5, '0');

type Ticket = { id: string; version: number };

async function openTickets(d: DeskFixture, count: number): Promise<Ticket[]> {
  const tickets: Ticket[] = [];
  for (let i = 0; i < count; i++) {
    tickets.push(
      await created<Ticket>('createTicket', { caller: d.as.desk, body: complaintBody(d.store.id) }),
    );
  }
  return tickets;
}

async function assigned(d: DeskFixture, ticket: Ticket): Promise<Ticket> {
  return ok<Ticket>('assignTicket', {
    caller: d.as.supervisor,
    params: { ticketId: ticket.id },
    body: { assigneeId: d.staff.handler.id },
  });
}

async function started(d: DeskFixture, ticket: Ticket): Promise<Ticket> {
  return ok<Ticket>('transitionTicket', {
    caller: d.as.handler,
    params: { ticketId: ticket.id },
    body: { to: 'in_progress' },
  });
}

const at = <T>(list: readonly T[], i: number): T => {
  const item = list[i];
  if (item === undefined) throw new Error(`request ${i} asked for, only ${list.length} prepared`);
  return item;
};

const frontDesk = (tenantId: string, storeId: string): Caller => ({
  tenantId,
  userId: 'clerk-1',
  roles: ['front_desk'],
  storeIds: [storeId],
});

const http = (route: HttpRouteName) => ({ kind: 'http', route }) as const;

/** Messages the bench's webhook receiver answered: a measured delivery must have reached it. */
let webhookReceiverHits = 0;

/** A laptop bought a month ago (in warranty) and a repair ticket about it, for the repair operations. */
async function repairWorld(label: string) {
  const d = await deskFixture(label);
  const { id: customerId } = await created('createCustomer', {
    caller: d.admin,
    body: { name: '周女士', phone: '13900000002' },
  });
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const { id: purchaseId } = await created('createPurchase', {
    caller: d.admin,
    body: {
      customerId,
      storeId: d.store.id,
      items: [{ name: '笔记本电脑', category: 'computer', amount: 699900 }],
      purchasedOn: monthAgo,
      deliveredOn: monthAgo,
    },
  });
  const caller = frontDesk(d.tenant, d.store.id);
  const world = { d, caller, customerId, purchaseId, body: {} as Record<string, unknown> };
  const ticket = await repairTicket(world);
  world.body = { ticketId: ticket.id, customerId, purchaseId, line: 1, mode: 'mail_in', problem: '无法开机' };
  return world;
}

async function repairTicket(world: {
  d: DeskFixture;
  caller: Caller;
  customerId: string;
  purchaseId: string;
}) {
  return created<Ticket>('createTicket', {
    caller: world.caller,
    body: {
      storeId: world.d.store.id,
      type: 'repair',
      channel: 'phone',
      subject: '笔记本维修',
      customerId: world.customerId,
      purchaseId: world.purchaseId,
    },
  });
}

export const operations: readonly BenchOperation[] = [
  {
    id: 'baseline',
    title: 'baseline: one GetItem, bare DynamoDB client',
    status: 'measured',
    target: { kind: 'baseline' },
    measures: ['cold', 'cpu'],
    expectStatus: 200,
    async prepare(tools) {
      await tools.putItem({ pk: 'BASELINE#1', sk: 'BASELINE', payload: 'x'.repeat(600) });
      return () => ({ pathParameters: { id: '1' } });
    },
  },
  {
    id: 'createStore',
    title: 'create store',
    status: 'measured',
    target: http('createStore'),
    measures: ['cold', 'capacity'],
    expectStatus: 201,
    async prepare() {
      const tenantId = freshTenant('bench-stores');
      return (i) => ({
        caller: admin(tenantId),
        body: { code: `S${pad(i)}`, name: `门店 ${pad(i)}`, kind: 'mall', timezone: 'Asia/Shanghai' },
      });
    },
  },
  {
    id: 'listStores',
    title: 'list stores',
    status: 'measured',
    target: http('listStores'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-list-stores');
      return () => ({ caller: d.admin, query: {} });
    },
  },
  {
    id: 'getStore',
    title: 'get store',
    status: 'measured',
    target: http('getStore'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-get-store');
      return () => ({ caller: d.admin, params: { storeId: d.store.id } });
    },
  },
  {
    id: 'updateStore',
    title: 'update store',
    status: 'measured',
    target: http('updateStore'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-update-store');
      // Optimistic locking: invocation i updates version i + 1.
      return (i) => ({
        caller: d.admin,
        params: { storeId: d.store.id },
        body: { version: i + 1, name: `上海一店 ${pad(i)}` },
      });
    },
  },
  {
    id: 'createStaff',
    title: 'create staff member',
    status: 'measured',
    target: http('createStaff'),
    measures: ['cold', 'capacity'],
    expectStatus: 201,
    async prepare() {
      const d = await deskFixture('bench-staff');
      return (i) => ({
        caller: d.admin,
        body: {
          name: `技术员 ${pad(i)}`,
          roles: ['technician'],
          storeIds: [d.store.id],
          userId: `tech-${pad(i)}`,
        },
      });
    },
  },
  {
    id: 'listStaff',
    title: 'list staff of a store',
    status: 'measured',
    target: http('listStaff'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-list-staff');
      return () => ({ caller: d.admin, query: { storeId: d.store.id } });
    },
  },
  {
    id: 'getStoreCalendar',
    title: 'get store calendar',
    status: 'measured',
    target: http('getStoreCalendar'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-get-calendar');
      return () => ({ caller: d.admin, params: { storeId: d.store.id } });
    },
  },
  {
    id: 'putStoreCalendar',
    title: 'save store calendar',
    status: 'measured',
    target: http('putStoreCalendar'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-put-calendar');
      return (i) => ({ caller: d.admin, params: { storeId: d.store.id }, body: calendarBody(i) });
    },
  },
  {
    id: 'getTenantCalendar',
    title: 'get tenant calendar',
    status: 'measured',
    target: http('getTenantCalendar'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const tenantId = freshTenant('bench-get-tenant-calendar');
      return () => ({ caller: admin(tenantId) });
    },
  },
  {
    id: 'putTenantCalendar',
    title: 'save tenant calendar',
    status: 'measured',
    target: http('putTenantCalendar'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const tenantId = freshTenant('bench-put-tenant-calendar');
      return (i) => ({ caller: admin(tenantId), body: calendarBody(i) });
    },
  },
  {
    id: 'getSlaPolicies',
    title: 'get SLA policies',
    status: 'measured',
    target: http('getSlaPolicies'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const tenantId = freshTenant('bench-get-sla');
      return () => ({ caller: admin(tenantId) });
    },
  },
  {
    id: 'putSlaPolicies',
    title: 'save SLA policies',
    status: 'measured',
    target: http('putSlaPolicies'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const tenantId = freshTenant('bench-put-sla');
      return (i) => ({
        caller: admin(tenantId),
        body: slaPoliciesBody(i),
      });
    },
  },
  {
    id: 'getSettings',
    title: 'get tenant settings',
    status: 'measured',
    target: http('getSettings'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const tenantId = freshTenant('bench-get-settings');
      return () => ({ caller: admin(tenantId) });
    },
  },
  {
    id: 'putSettings',
    title: 'save tenant settings',
    status: 'measured',
    target: http('putSettings'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const tenantId = freshTenant('bench-put-settings');
      return (i) => ({
        caller: admin(tenantId),
        body: settingsBody(i),
      });
    },
  },
  {
    id: 'createCustomer',
    title: 'register customer',
    status: 'measured',
    target: http('createCustomer'),
    measures: ['cold', 'capacity'],
    expectStatus: 201,
    async prepare() {
      const d = await deskFixture('bench-customers');
      return (i) => ({
        caller: d.admin,
        body: { name: '李先生', phone: `139${String(i).padStart(8, '0')}` },
      });
    },
  },
  {
    id: 'findCustomers',
    title: 'find customer by phone',
    status: 'measured',
    target: http('findCustomers'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-find-customers');
      await created('createCustomer', {
        caller: d.admin,
        body: { name: '李先生', phone: '13900000001' },
      });
      return () => ({ caller: d.admin, query: { phone: '13900000001' } });
    },
  },
  {
    id: 'getCustomer',
    title: 'get customer',
    status: 'measured',
    target: http('getCustomer'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-get-customer');
      const { id } = await created('createCustomer', {
        caller: d.admin,
        body: { name: '李先生', phone: '13900000001' },
      });
      return () => ({ caller: d.admin, params: { customerId: id } });
    },
  },
  {
    id: 'createPurchase',
    title: 'record purchase (with its timers)',
    status: 'measured',
    target: http('createPurchase'),
    measures: ['cold', 'capacity'],
    expectStatus: 201,
    async prepare() {
      const d = await deskFixture('bench-purchases');
      const { id: customerId } = await created('createCustomer', {
        caller: d.admin,
        body: { name: '李先生', phone: '13900000001' },
      });
      // Bought three days ago, delivered yesterday: the post-sale revisit and the warranty are ahead.
      const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
      return (i) => ({
        caller: d.admin,
        body: {
          customerId,
          storeId: d.store.id,
          orderNumber: `PO-${pad(i)}`,
          items: [{ name: '三人位布艺沙发', category: 'furniture', amount: 459900, warrantyMonths: 36 }],
          purchasedOn: daysAgo(3),
          deliveredOn: daysAgo(1),
        },
      });
    },
  },
  {
    id: 'listCustomerPurchases',
    title: 'list purchases of a customer',
    status: 'measured',
    target: http('listCustomerPurchases'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-list-purchases');
      const { id: customerId } = await created('createCustomer', {
        caller: d.admin,
        body: { name: '李先生', phone: '13900000001' },
      });
      return () => ({ caller: d.admin, params: { customerId } });
    },
  },
  {
    id: 'createReturn',
    title: 'register a return on its ticket (decision, case, timeline event)',
    status: 'measured',
    target: http('createReturn'),
    measures: ['cold', 'capacity'],
    expectStatus: 201,
    async prepare() {
      const d = await deskFixture('bench-returns');
      const { id: customerId } = await created('createCustomer', {
        caller: d.admin,
        body: { name: '李先生', phone: '13900000001' },
      });
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const { id: purchaseId } = await created('createPurchase', {
        caller: d.admin,
        body: {
          customerId,
          storeId: d.store.id,
          items: [{ name: '三人位布艺沙发', category: 'sofa', amount: 459900 }],
          purchasedOn: yesterday,
          deliveredOn: yesterday,
        },
      });
      const caller = frontDesk(d.tenant, d.store.id);
      const { id: ticketId } = await created('createTicket', {
        caller,
        body: {
          storeId: d.store.id,
          type: 'return',
          channel: 'walk_in',
          subject: '沙发退货',
          customerId,
          purchaseId,
        },
      });
      // 七天无理由退货 of yesterday's sofa: the engine allows it; the case lands on its ticket.
      return () => ({
        caller,
        body: { customerId, purchaseId, ticketId, kind: 'return', reason: 'no_reason', items: [{ line: 1 }] },
      });
    },
  },
  {
    id: 'createTicket',
    title: 'create ticket',
    status: 'measured',
    target: http('createTicket'),
    measures: ['cold', 'cpu', 'capacity'],
    expectStatus: 201,
    async prepare() {
      const d = await deskFixture('bench-create-ticket');
      const caller = frontDesk(d.tenant, d.store.id);
      await openedToday(caller, d.store.id);
      return () => ({ caller, body: complaintBody(d.store.id) });
    },
  },
  {
    id: 'createTicketIdempotent',
    title: 'create ticket with an Idempotency-Key',
    status: 'measured',
    target: http('createTicket'),
    measures: ['capacity'],
    expectStatus: 201,
    async prepare() {
      const d = await deskFixture('bench-create-ticket-key');
      const caller = frontDesk(d.tenant, d.store.id);
      await openedToday(caller, d.store.id);
      return (i) => ({
        caller,
        body: complaintBody(d.store.id),
        headers: { 'idempotency-key': `bench-${pad(i)}` },
      });
    },
  },
  {
    id: 'createTicketNewCustomer',
    title: 'create ticket, registering the customer by phone',
    status: 'measured',
    target: http('createTicket'),
    measures: ['capacity'],
    expectStatus: 201,
    async prepare() {
      const d = await deskFixture('bench-create-ticket-customer');
      const caller = frontDesk(d.tenant, d.store.id);
      await openedToday(caller, d.store.id);
      return (i) => {
        const { contact: _contact, ...body } = complaintBody(d.store.id);
        return {
          caller,
          body: { ...body, customer: { phone: `137${String(i).padStart(8, '0')}`, name: '王女士' } },
        };
      };
    },
  },
  {
    id: 'getTicket',
    title: 'get ticket',
    status: 'measured',
    target: http('getTicket'),
    measures: ['cold', 'cpu', 'capacity'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-get-ticket');
      const caller = frontDesk(d.tenant, d.store.id);
      const ticket = await created('createTicket', { caller, body: complaintBody(d.store.id) });
      return () => ({ caller, params: { ticketId: ticket.id } });
    },
  },
  {
    id: 'listTickets',
    title: 'list tickets (page of 25)',
    status: 'measured',
    target: http('listTickets'),
    measures: ['cold', 'cpu', 'capacity'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-list-tickets');
      const caller = frontDesk(d.tenant, d.store.id);
      for (let i = 0; i < 30; i++) await created('createTicket', { caller, body: complaintBody(d.store.id) });
      return () => ({ caller, query: { storeId: d.store.id, status: 'new', limit: '25' } });
    },
  },
  {
    id: 'updateTicket',
    title: 'edit ticket',
    status: 'measured',
    target: http('updateTicket'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-update-ticket');
      const ticket = at(await openTickets(d, 1), 0);
      const ticketId = ticket.id;
      return (i) => ({
        caller: d.as.desk,
        params: { ticketId },
        body: { version: i + 1, priority: i % 2 === 0 ? 'high' : 'normal' },
      });
    },
  },
  {
    id: 'assignTicket',
    title: 'assign ticket (new → assigned)',
    status: 'measured',
    target: http('assignTicket'),
    measures: ['cold', 'capacity', 'duration'],
    expectStatus: 200,
    async prepare(_tools, count) {
      const d = await deskFixture('bench-assign');
      const tickets = await openTickets(d, count);
      return (i) => ({
        caller: d.as.supervisor,
        params: { ticketId: at(tickets, i).id },
        body: { assigneeId: d.staff.handler.id },
      });
    },
  },
  {
    id: 'transitionTicket',
    title: 'transition ticket (in_progress ⇄ pending_customer)',
    status: 'measured',
    target: http('transitionTicket'),
    measures: ['cold', 'cpu', 'capacity'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-transition');
      const ticket = at(await openTickets(d, 1), 0);
      const ticketId = (await started(d, await assigned(d, ticket))).id;
      // The assignee toggles one ticket between working and waiting for the customer.
      return (i) => ({
        caller: d.as.handler,
        params: { ticketId },
        body:
          i % 2 === 0 ? { to: 'pending_customer', reason: '等待客户提供购买凭证' } : { to: 'in_progress' },
      });
    },
  },
  {
    id: 'startTicket',
    title: 'transition: start work (assigned → in_progress)',
    status: 'measured',
    target: http('transitionTicket'),
    measures: ['capacity', 'duration'],
    expectStatus: 200,
    async prepare(_tools, count) {
      const d = await deskFixture('bench-start');
      const tickets: Ticket[] = [];
      for (const ticket of await openTickets(d, count)) tickets.push(await assigned(d, ticket));
      return (i) => ({
        caller: d.as.handler,
        params: { ticketId: at(tickets, i).id },
        body: { to: 'in_progress' },
      });
    },
  },
  {
    id: 'resolveTicket',
    title: 'transition: resolve (in_progress → resolved)',
    status: 'measured',
    target: http('transitionTicket'),
    measures: ['capacity', 'duration'],
    expectStatus: 200,
    async prepare(_tools, count) {
      const d = await deskFixture('bench-resolve');
      const tickets: Ticket[] = [];
      for (const ticket of await openTickets(d, count)) {
        tickets.push(await started(d, await assigned(d, ticket)));
      }
      return (i) => ({
        caller: d.as.handler,
        params: { ticketId: at(tickets, i).id },
        body: { to: 'resolved', resolution: '上门检查后更换扶手面料，客户确认满意。' },
      });
    },
  },
  {
    id: 'commentOnTicket',
    title: 'comment on ticket (internal note)',
    status: 'measured',
    target: http('commentOnTicket'),
    measures: ['cold', 'cpu', 'capacity'],
    expectStatus: 201,
    async prepare() {
      const d = await deskFixture('bench-comment');
      const ticket = at(await openTickets(d, 1), 0);
      const ticketId = (await assigned(d, ticket)).id;
      return () => ({
        caller: d.as.handler,
        params: { ticketId },
        body: { body: '已联系客户，约定周三下午上门查看。', visibility: 'internal' },
      });
    },
  },
  {
    id: 'ticketTimeline',
    title: 'ticket timeline',
    status: 'measured',
    target: http('ticketTimeline'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-timeline');
      const ticket = at(await openTickets(d, 1), 0);
      const ticketId = (await started(d, await assigned(d, ticket))).id;
      return () => ({ caller: d.as.handler, params: { ticketId } });
    },
  },
  {
    id: 'listNotifications',
    title: 'my notifications',
    status: 'measured',
    target: http('listNotifications'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-notifications');
      const ticket = at(await openTickets(d, 1), 0);
      await assigned(d, ticket);
      return () => ({ caller: d.as.handler, query: {} });
    },
  },
  {
    id: 'readNotification',
    title: 'mark notification read',
    status: 'measured',
    target: http('readNotification'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      const d = await deskFixture('bench-read-notification');
      const ticket = at(await openTickets(d, 1), 0);
      await assigned(d, ticket);
      const inbox = await ok<{ items: { id: string }[] }>('listNotifications', {
        caller: d.as.handler,
      });
      const notificationId = at(inbox.items, 0).id;
      return () => ({ caller: d.as.handler, params: { notificationId } });
    },
  },
  {
    id: 'health',
    title: 'health',
    status: 'measured',
    target: http('health'),
    measures: ['cold'],
    expectStatus: 200,
    async prepare() {
      return () => ({});
    },
  },
  {
    id: 'notFound',
    title: 'unmatched route ($default)',
    status: 'measured',
    target: http('notFound'),
    measures: ['cold'],
    expectStatus: 404,
    async prepare() {
      return () => ({});
    },
  },
  {
    id: 'sweeper',
    title: 'timer sweeper tick',
    status: 'measured',
    target: { kind: 'scheduled', name: 'sweeper' },
    measures: ['cold'],
    async prepare() {
      return () => scheduledEvent(new Date());
    },
  },
  {
    id: 'revisitAttempt',
    title: 'revisit attempt (reached, satisfied)',
    status: 'measured',
    target: http('recordRevisitAttempt'),
    measures: ['cold', 'capacity', 'duration'],
    expectStatus: 201,
    async prepare(_tools, count) {
      const d = await deskFixture('bench-revisit');
      const revisits = await bookedRevisits(d, count, new Date(Date.now() - 60_000));
      return (i) => ({
        caller: d.as.desk,
        params: { revisitId: at(revisits, i) },
        body: { outcome: 'reached', satisfaction: 5, comment: '客户对送货和安装都很满意。' },
      });
    },
  },
  {
    id: 'timerDispatch',
    title: 'one timer dispatched and completed (a revisit coming due)',
    status: 'measured',
    target: {
      kind: 'flow',
      name: 'timerDispatch',
      // The sweeper's claim of one due timer, then the revisit consumer applying it: what a
      // timer costs beyond its scheduling (which the operation that caused it already pays).
      async run(request) {
        const { claimTimer } = await import('../../shared/timers/repository');
        const { fireRevisitTimer } = await import('../../shared/revisits/timers');
        const { entry, now } = request as { entry: DueEntry; now: Date };
        const leaseUntil = new Date(now.getTime() + 6 * 60_000).toISOString();
        if (!(await claimTimer(entry, leaseUntil)))
          throw new Error('timerDispatch: the timer could not be claimed');
        const message = {
          kind: 'revisit' as const,
          pk: entry.pk,
          sk: entry.sk,
          generation: entry.generation,
        };
        const outcome = await fireRevisitTimer(message, now);
        if (outcome !== 'applied') throw new Error(`timerDispatch: the consumer said ${outcome}`);
        return outcome;
      },
    },
    measures: ['capacity'],
    async prepare(_tools, count) {
      const d = await deskFixture('bench-timers');
      const dueAt = new Date(Date.now() + 60 * 60_000);
      const revisits = await bookedRevisits(d, count, dueAt);
      const { findTimer } = await import('../../shared/timers/repository');
      const { revisitTimerKey } = await import('../../shared/revisits/entities');
      const entries: DueEntry[] = [];
      for (const revisitId of revisits) {
        // The timer as the sweeper's due-index read sees it (the item carries the same attributes).
        const timer = (await findTimer(revisitTimerKey(d.tenant, revisitId))) as DueEntry | undefined;
        if (!timer) throw new Error('setup: a booked revisit has no timer');
        entries.push(timer);
      }
      // Not an HTTP call nor a scheduled event: the flow's own request (see Target 'flow').
      return (i) =>
        ({ entry: at(entries, i), now: new Date(dueAt.getTime() + 1000) }) as unknown as ScheduledEvent;
    },
  },
  {
    id: 'webhookDelivery',
    title: 'one webhook delivery: its timer claimed, one signed attempt answered 204, logged and finished',
    status: 'measured',
    target: {
      kind: 'flow',
      name: 'webhookDelivery',
      // The sweeper's claim of the delivery's due timer, then the webhook consumer's attempt
      // (subscription, delivery and timer read; delivery, timer and log line written). The
      // fan-out's write of the delivery is paid once per event and subscription, before this.
      async run(request) {
        const { claimTimer } = await import('../../shared/timers/repository');
        const { fireWebhookTimer } = await import('../../shared/webhooks/delivery');
        const { entry, now } = request as { entry: DueEntry; now: Date };
        const leaseUntil = new Date(now.getTime() + 6 * 60_000).toISOString();
        if (!(await claimTimer(entry, leaseUntil)))
          throw new Error('webhookDelivery: the timer could not be claimed');
        const message = {
          kind: 'webhook' as const,
          pk: entry.pk,
          sk: entry.sk,
          generation: entry.generation,
        };
        const hits = webhookReceiverHits;
        const outcome = await fireWebhookTimer(message, now);
        if (outcome !== 'applied') throw new Error(`webhookDelivery: the consumer said ${outcome}`);
        if (webhookReceiverHits !== hits + 1) throw new Error('webhookDelivery: the receiver got no message');
        return outcome;
      },
    },
    measures: ['capacity'],
    async prepare(_tools, count) {
      const { createServer } = await import('node:http');
      const { fanOutChange } = await import('../../shared/webhooks/fan-out');
      const { deliveryIdOf } = await import('../../shared/webhooks/message-id');
      const { findTimer } = await import('../../shared/timers/repository');
      const { timerKey } = await import('../../shared/timers/keys');
      // A receiver on loopback, as the local runtime allows (WEBHOOKS_ALLOW_LOOPBACK, set by
      // infra/local for `npm start`); it never keeps the process alive.
      process.env.WEBHOOKS_ALLOW_LOOPBACK = '1';
      const receiver = createServer((request, response) => {
        request.resume();
        request.on('end', () => {
          webhookReceiverHits++;
          response.writeHead(204).end();
        });
      });
      await new Promise<void>((listening) => receiver.listen(0, '127.0.0.1', listening));
      receiver.unref();
      const { port } = receiver.address() as { port: number };
      const d = await deskFixture('bench-webhooks');
      const subscription = await created('createWebhookSubscription', {
        caller: d.admin,
        body: { url: `http://127.0.0.1:${port}/hooks`, events: ['ticket.created'] },
      });
      const now = new Date();
      const entries: DueEntry[] = [];
      for (let i = 0; i < count; i++) {
        const ticket = await created<Ticket & { number: string }>('createTicket', {
          caller: d.as.desk,
          body: complaintBody(d.store.id),
        });
        // The change event the stream would carry for the ticket's `created` timeline event.
        const key = `bench/${ticket.id}/created`;
        await fanOutChange(
          {
            source: 'ticket_event',
            key,
            tenantId: d.tenant,
            at: now.toISOString(),
            event: {
              id: ticket.id,
              ticketId: ticket.id,
              actorId: 'clerk-1',
              at: now.toISOString(),
              kind: 'created',
              number: ticket.number,
            },
          },
          now,
        );
        const timer = (await findTimer(timerKey(d.tenant, deliveryIdOf(key, subscription.id), 'webhook'))) as
          | DueEntry
          | undefined;
        if (!timer) throw new Error('setup: the delivery has no timer');
        entries.push(timer);
      }
      return (i) =>
        ({ entry: at(entries, i), now: new Date(now.getTime() + 1000) }) as unknown as ScheduledEvent;
    },
  },
  {
    id: 'decideCompensationClaim',
    title: 'approve a compensation claim step (first of manager + admin, next step scheduled)',
    status: 'measured',
    target: http('decideCompensationClaim'),
    measures: ['cold', 'capacity'],
    expectStatus: 200,
    async prepare(_tools, count) {
      const d = await deskFixture('bench-claims');
      const merchant = await created('createMerchant', {
        caller: d.admin,
        body: {
          storeId: d.store.id,
          name: '林氏木业',
          licenceNumber: '91310000MA1FL0XX1X',
          contact: { name: '林先生', phone: '13900002222' },
          categories: ['家具'],
          contractStart: '2026-01-01',
          contractEnd: '2027-12-31',
          depositRequired: 10_000_000,
        },
      });
      const claims: string[] = [];
      for (let i = 0; i < count; i++) {
        const ticket = await created('createTicket', { caller: d.as.desk, body: complaintBody(d.store.id) });
        // ¥8,000: two steps, so the measured approval also schedules the next step's reminder.
        const claim = await created('createCompensationClaim', {
          caller: d.as.desk,
          body: {
            ticketId: ticket.id,
            merchantId: merchant.id,
            amount: 800_000,
            reason: '沙发框架断裂，先行赔付',
            beneficiary: { name: '王女士', phone: '13800138000' },
          },
        });
        claims.push(claim.id);
      }
      return (i) => ({
        caller: d.as.manager,
        params: { claimId: at(claims, i) },
        body: { decision: 'approve', reason: '核实属实' },
      });
    },
  },
  {
    id: 'recordComplaintStep',
    title:
      'a complaint step: an investigation task to a department, due on the store calendar (timer scheduled, its member told)',
    status: 'measured',
    target: http('recordComplaintStep'),
    measures: ['cold', 'capacity'],
    expectStatus: 200,
    async prepare(_tools, count) {
      const d = await deskFixture('bench-complaints');
      const department = await created('createDepartment', {
        caller: d.admin,
        body: { storeId: d.store.id, name: '家具部', members: [d.staff.supervisor.id] },
      });
      const complaints: { id: string; version: number }[] = [];
      for (let i = 0; i < count; i++) {
        const ticket = await created('createTicket', { caller: d.as.desk, body: complaintBody(d.store.id) });
        const complaint = await created<{ id: string; version: number }>('createComplaint', {
          caller: d.as.desk,
          body: {
            ticketId: ticket.id,
            complainant: { name: '王女士', phone: '13800138000' },
            respondent: { kind: 'department', id: department.id },
            category: 'product_quality',
            content: '沙发送货后发现划痕，要求上门查看并更换。',
            claim: { kinds: ['exchange'] },
          },
        });
        complaints.push(
          await ok<{ id: string; version: number }>('recordComplaintStep', {
            caller: d.as.handler,
            params: { complaintId: complaint.id },
            body: { step: 'judge', version: complaint.version, validity: 'valid', reason: '划痕属实' },
          }),
        );
      }
      return (i) => ({
        caller: d.as.handler,
        params: { complaintId: at(complaints, i).id },
        body: {
          step: 'add_task',
          version: at(complaints, i).version,
          assignee: { kind: 'department', id: department.id },
          instructions: '核实送货及安装记录',
          dueInBusinessHours: 8,
        },
      });
    },
  },
  {
    id: 'wakeUpCycle',
    title: 'one wake-up cycle: three calls told, an escalation, three no-answers, a person sent',
    status: 'measured',
    target: {
      kind: 'flow',
      name: 'wakeUpCycle',
      // Every timer step as the sweeper claims it and the consumer applies it, and the desk's
      // three records, in process: what one unanswered wake-up costs beyond its booking. The
      // sweeper's due-index reads are shared by all timers and are not in it; the harness's own
      // reads are (a timer read before each claim, the call's version before each record, the
      // final check: 8 of the calls).
      async run(request) {
        const { claimTimer, findTimer } = await import('../../shared/timers/repository');
        const { fireWakeUpTimer } = await import('../../shared/wake-up-calls/timers');
        const { wakeUpTimerKey } = await import('../../shared/wake-up-calls/entities');
        const { findWakeUpCall } = await import('../../shared/wake-up-calls/repository');
        const { recordWakeUpAttempt } = await import(
          '../../shared/wake-up-calls/operations/record-wake-up-attempt'
        );
        const { tenantId, storeId, id, dueAt } = request as {
          tenantId: string;
          storeId: string;
          id: string;
          dueAt: string;
        };
        const at = (minutes: number) => new Date(Date.parse(dueAt) + minutes * 60_000);
        const fire = async (minutes: number) => {
          const timer = (await findTimer(wakeUpTimerKey(tenantId, id))) as DueEntry | undefined;
          if (!timer || !(await claimTimer(timer, at(minutes + 6).toISOString()))) {
            throw new Error(`wakeUpCycle: no timer to claim at +${minutes} min`);
          }
          const message = {
            kind: 'wake_up' as const,
            pk: timer.pk,
            sk: timer.sk,
            generation: timer.generation,
          };
          const outcome = await fireWakeUpTimer(message, at(minutes));
          if (outcome !== 'applied') throw new Error(`wakeUpCycle: the consumer said ${outcome}`);
        };
        const principal = {
          tenantId,
          userId: 'clerk-1',
          roles: ['front_desk'] as const,
          storeIds: [storeId],
          tenantWide: false,
        };
        const noAnswer = async (minutes: number) => {
          const call = await findWakeUpCall(tenantId, id);
          await recordWakeUpAttempt(
            principal,
            id,
            { version: call?.version ?? 0, outcome: 'no_answer' },
            at(minutes),
            undefined,
          );
        };
        await fire(0); // told: call 1
        await fire(5); // unrecorded 5 minutes: the duty managers are told
        await noAnswer(6);
        await fire(8); // told: call 2
        await noAnswer(8.5);
        await fire(10.5); // told: call 3
        await noAnswer(11); // a person is sent: the duty managers are told
        const after = await findWakeUpCall(tenantId, id);
        if (after?.status !== 'visit_needed') throw new Error(`wakeUpCycle: ended ${after?.status}`);
        return after.status;
      },
    },
    measures: ['capacity'],
    async prepare(_tools, count) {
      // A hotel (the ledgers are on by default) with one clerk and one duty manager to tell.
      const tenant = freshTenant('bench-wake-up');
      const boss = admin(tenant);
      const hotel = await created('createStore', {
        caller: boss,
        body: { code: 'VNA01', name: '维也纳酒店', kind: 'hotel' },
      });
      for (const roles of [['front_desk'], ['supervisor']]) {
        await created('createStaff', { caller: boss, body: { name: roles[0], roles, storeIds: [hotel.id] } });
      }
      // An hour ahead in the store's zone (Asia/Shanghai): booked, timed, not yet due.
      const local = new Date(Date.now() + 60 * 60_000 + 8 * 3_600_000).toISOString();
      const calls: { id: string; dueAt: string }[] = [];
      for (let i = 0; i < count; i++) {
        calls.push(
          await created<{ id: string; dueAt: string }>('createWakeUpCall', {
            caller: frontDesk(tenant, hotel.id),
            body: {
              storeId: hotel.id,
              room: String(1001 + i),
              guestName: '王先生',
              date: local.slice(0, 10),
              time: local.slice(11, 16),
            },
          }),
        );
      }
      // Not an HTTP call nor a scheduled event: the flow's own request (see Target 'flow').
      return (i) => ({ tenantId: tenant, storeId: hotel.id, ...at(calls, i) }) as unknown as ScheduledEvent;
    },
  },
  {
    id: 'createGuestMessage',
    title: 'take a guest message (item, its 2-hour reminder timer)',
    status: 'measured',
    target: http('createGuestMessage'),
    measures: ['capacity'],
    expectStatus: 201,
    async prepare() {
      const { tenant, hotelId } = await frontOfficeHotel('bench-messages');
      return (i) => ({
        caller: frontDesk(tenant, hotelId),
        body: { storeId: hotelId, room: String(1001 + i), from: '李经理', content: '请回电 13800138000' },
      });
    },
  },
  {
    id: 'storeLuggage',
    title: 'store luggage (tag reservation, record, unclaimed timer)',
    status: 'measured',
    target: http('storeLuggage'),
    measures: ['capacity'],
    expectStatus: 201,
    async prepare() {
      const { tenant, hotelId } = await frontOfficeHotel('bench-luggage');
      return (i) => ({
        caller: frontDesk(tenant, hotelId),
        body: {
          storeId: hotelId,
          tagNumber: `A${pad(i)}`,
          pieces: 2,
          description: '黑色拉杆箱两个',
          location: '行李房 A 架',
          guestName: '王先生',
          expectedPickUpAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
          declaredContents: ['clothing'],
        },
      });
    },
  },
  {
    id: 'openSafeBox',
    title: 'open a safe deposit box (box reservation, card)',
    status: 'measured',
    target: http('openSafeBox'),
    measures: ['capacity'],
    expectStatus: 201,
    async prepare() {
      const { tenant, hotelId } = await frontOfficeHotel('bench-safe-boxes');
      return (i) => ({
        caller: frontDesk(tenant, hotelId),
        body: {
          storeId: hotelId,
          boxNumber: String(i + 1),
          guestName: '李女士',
          room: String(1001 + i),
          idType: 'resident_id',
          idLast4: '123X',
          signatureRef: `SB-${pad(i)}`,
        },
      });
    },
  },
  {
    id: 'createShiftHandover',
    title: 'hand a shift over (snapshot reads of six ledgers and complaint cases, slot, handover)',
    status: 'measured',
    target: http('createShiftHandover'),
    measures: ['capacity'],
    expectStatus: 201,
    async prepare() {
      const { tenant, hotelId } = await frontOfficeHotel('bench-handovers');
      // One open item in a ledger, so the snapshot reads an item and not only empty partitions.
      await created('storeLuggage', {
        caller: frontDesk(tenant, hotelId),
        body: {
          storeId: hotelId,
          tagNumber: 'B0001',
          pieces: 1,
          description: '纸箱',
          location: '行李房',
          guestName: '赵女士',
          expectedPickUpAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        },
      });
      // Invocation i hands over the day shift of i + 1 days ago (one handover per shift).
      return (i) => ({
        caller: frontDesk(tenant, hotelId),
        body: {
          storeId: hotelId,
          shiftDate: new Date(Date.now() - (i + 1) * 86_400_000).toISOString().slice(0, 10),
          shiftStart: '15:00',
          cashCount: 150_000,
        },
      });
    },
  },
  {
    id: 'createRepair',
    title: 'register a mail-in repair on its repair ticket (warranty, case, timer, timeline event)',
    status: 'measured',
    target: http('createRepair'),
    measures: ['cold', 'capacity'],
    expectStatus: 201,
    async prepare() {
      const world = await repairWorld('bench-create-repair');
      return () => ({ caller: world.caller, body: world.body });
    },
  },
  {
    id: 'recordRepairStep',
    title: 'repair step: delivered (finishes the repair, resolves its ticket, adds to the item’s history)',
    status: 'measured',
    target: http('recordRepairStep'),
    measures: ['cold', 'capacity'],
    expectStatus: 200,
    async prepare(_tools, count) {
      const world = await repairWorld('bench-repair-step');
      const shipped: { id: string; version: number }[] = [];
      for (let i = 0; i < count; i++) {
        const opened = await repairTicket(world);
        await ok('assignTicket', {
          caller: world.d.as.supervisor,
          params: { ticketId: opened.id },
          body: { assigneeId: world.d.staff.tech.id },
        });
        const ticket = await ok<Ticket>('transitionTicket', {
          caller: world.d.as.tech,
          params: { ticketId: opened.id },
          body: { to: 'in_progress' },
        });
        let repair = await created<{ id: string; version: number }>('createRepair', {
          caller: world.caller,
          body: { ...world.body, ticketId: ticket.id },
        });
        for (const step of [
          { step: 'receive_parcel', trackingNumber: `SF${pad(i)}` },
          { step: 'inspect', findings: '电池鼓包' },
          { step: 'ship', trackingNumber: `SFB${pad(i)}` },
        ]) {
          repair = await ok('recordRepairStep', {
            caller: world.d.as.supervisor,
            params: { repairId: repair.id },
            body: { ...step, version: repair.version },
          });
        }
        shipped.push(repair);
      }
      return (i) => ({
        caller: world.caller,
        params: { repairId: at(shipped, i).id },
        body: { step: 'deliver', version: at(shipped, i).version },
      });
    },
  },
  {
    id: 'chainReport3Stores',
    title: 'chain report (连锁汇总): 3 stores × 30 days of day items, as JSON',
    status: 'measured',
    target: http('getChainReport'),
    measures: ['capacity'],
    expectStatus: 200,
    async prepare(tools) {
      return chainReportWorld(tools, 'bench-chain-3', 3);
    },
  },
  {
    id: 'chainReport100Stores',
    title: 'chain report (连锁汇总): 100 stores × 30 days of day items, as JSON',
    status: 'measured',
    target: http('getChainReport'),
    measures: ['capacity'],
    expectStatus: 200,
    benchOnly: 'seeds 100 stores and 3,000 day items; CI keeps chainReport3Stores',
    async prepare(tools) {
      return chainReportWorld(tools, 'bench-chain-100', 100);
    },
  },
  {
    id: 'aggregateTicketChange',
    title: 'report aggregation of one ticket change (a resolution): facts read, counted once',
    status: 'measured',
    target: {
      kind: 'flow',
      name: 'aggregateTicketChange',
      // What the aggregateReports stream consumer does for one record: read the ticket, its
      // timeline and the store's calendar, check the marker, and write marker + store day + staff day.
      async run(request) {
        const { aggregateStreamRecords } = await import('../../shared/reports/consumer');
        const { record, now } = request as { record: DynamoDBRecord; now: Date };
        const outcome = await aggregateStreamRecords([record], now);
        if (outcome.batchItemFailures.length > 0) throw new Error('aggregateTicketChange: the record failed');
        return outcome;
      },
    },
    measures: ['capacity'],
    async prepare(_tools, count) {
      const d = await deskFixture('bench-aggregate');
      const ticketIds: string[] = [];
      for (const ticket of await openTickets(d, count)) {
        const resolved = await ok<Ticket>('transitionTicket', {
          caller: d.as.handler,
          params: { ticketId: (await started(d, await assigned(d, ticket))).id },
          body: { to: 'resolved', resolution: '上门检查后更换扶手面料，客户确认满意。' },
        });
        ticketIds.push(resolved.id);
      }
      const { queryAll } = await import('../../shared/db/query');
      const { aggregateStreamRecords } = await import('../../shared/reports/consumer');
      const { streamRecordsOf } = await import('./stream');
      const earlier: Record<string, unknown>[] = [];
      const resolutions: Record<string, unknown>[] = [];
      for (const ticketId of ticketIds) {
        const items = await queryAll({ partitionValue: `T#${d.tenant}#TICKET#${ticketId}` }, 100);
        for (const item of items.filter((entry) => entry.entity === 'ticket_event')) {
          (item.kind === 'status_changed' && item.to === 'resolved' ? resolutions : earlier).push(item);
        }
      }
      // The steady state: the day items exist (everything before the resolutions is counted).
      await aggregateStreamRecords(streamRecordsOf(earlier), new Date());
      const records = streamRecordsOf(resolutions);
      return (i) => ({ record: at(records, i), now: new Date() }) as unknown as ScheduledEvent;
    },
  },
];

/**
 * `stores` stores with 30 days of day items each, written directly (a bench may: the counting
 * is measured by aggregateTicketChange), as a busy store's day holds them: ~70 counters.
 */
async function chainReportWorld(tools: SetupTools, label: string, stores: number): Promise<RequestFor> {
  const tenant = freshTenant(label);
  const { storeDayEntity, counterAttribute } = await import('../../shared/reports/entities');
  const days = Array.from({ length: 30 }, (_, n) => `2026-11-${String(n + 1).padStart(2, '0')}`);
  const ids: string[] = [];
  for (let s = 0; s < stores; s++) {
    const store = await created('createStore', {
      caller: admin(tenant),
      body: { code: `C${pad(s)}`, name: `门店 ${s + 1}` },
    });
    ids.push(store.id);
  }
  const writes = ids.flatMap((storeId, s) =>
    days.map((day, n) => ({
      ...storeDayEntity.item(tenant, { storeId, day }),
      ...Object.fromEntries(
        Object.entries(busyDay(s + n)).map(([name, amount]) => [counterAttribute(name), amount]),
      ),
    })),
  );
  for (let start = 0; start < writes.length; start += 25) {
    await Promise.all(writes.slice(start, start + 25).map((item) => tools.putItem(item)));
  }
  return () => ({ caller: admin(tenant), query: { from: days[0] ?? '', to: days.at(-1) ?? '' } });
}

/** A busy store's day: ~40 tickets and what goes with them, under the counter names the consumer writes. */
function busyDay(seed: number): Record<string, number> {
  const v = (base: number) => base + (seed % 7);
  const counters: Record<string, number> = {
    opened: v(40),
    resolved: v(35),
    closed: v(30),
    cancelled: 2,
    reopened: 1,
    escalations: 1,
    'firstResponse.count': v(38),
    'firstResponse.minutes': v(600),
    'resolution.count': v(35),
    'resolution.minutes': v(9_000),
    'sla.firstResponse.met': v(36),
    'sla.firstResponse.breached': 2,
    'sla.firstResponse.warned': 3,
    'sla.resolution.met': v(32),
    'sla.resolution.breached': 3,
    'sla.resolution.warned': 4,
    'sla.resolution.resolved': v(35),
    'revisits.due': v(10),
    'revisits.done': v(8),
    'revisits.failed': 1,
    'revisits.attempts': v(12),
    'revisits.attempts.reached': v(9),
    'revisits.attempts.unreachable': 3,
    'satisfaction.count': v(8),
    'satisfaction.sum': v(36),
    'returns.opened': 4,
    'returns.opened.return': 3,
    'returns.opened.exchange': 1,
    'returns.reason.no_reason': 3,
    'returns.reason.quality_problem': 1,
    'returns.finished': 4,
    'returns.outcome.refund': 3,
    'returns.outcome.exchange': 1,
    'returns.refunded.amount': v(259_700),
    'repairs.opened': 3,
    'repairs.opened.mail_in': 2,
    'repairs.opened.on_site': 1,
    'repairs.finished': 2,
    'repairs.finished.mail_in': 2,
    'complaints.opened': 2,
    'complaints.respondent.merchant': 1,
    'complaints.respondent.staff': 1,
    'complaints.validity.valid': 1,
    'complaints.validity.valid.merchant': 1,
    'compensation.claimed': 1,
    'compensation.claimed.amount': 30_000,
    'compensation.approved': 1,
    'compensation.approved.amount': 30_000,
    'luggage.stored': v(5),
    'luggage.picked_up': v(4),
    'safeBoxes.opened': 2,
    'safeBoxes.accessed': 3,
  };
  for (const [name, share] of Object.entries({ repair: 12, return: 8, complaint: 6, inquiry: 14 })) {
    counters[`opened.type.${name}`] = share;
  }
  for (const [name, share] of Object.entries({ phone: 15, walk_in: 15, wechat: 6, app: 4 })) {
    counters[`opened.channel.${name}`] = share;
  }
  for (const [name, share] of Object.entries({ low: 8, normal: 26, high: 5, urgent: 1 })) {
    counters[`opened.priority.${name}`] = share;
  }
  for (const bound of [15, 30, 60, 120]) counters[`firstResponse.le${bound}`] = 9;
  for (const bound of [240, 480, 960, 1440, 2880]) counters[`resolution.le${bound}`] = 7;
  for (const score of [3, 4, 5]) counters[`satisfaction.${score}`] = 3;
  return counters;
}

/** A hotel (its front-office ledgers are on by default) with one front desk clerk. */
async function frontOfficeHotel(label: string): Promise<{ tenant: string; hotelId: string }> {
  const tenant = freshTenant(label);
  const hotel = await created('createStore', {
    caller: admin(tenant),
    body: { code: 'VNA01', name: '维也纳酒店', kind: 'hotel' },
  });
  await created('createStaff', {
    caller: admin(tenant),
    body: { name: '前台', roles: ['front_desk'], storeIds: [hotel.id], userId: 'clerk-1' },
  });
  return { tenant, hotelId: hotel.id };
}

/**
 * Measures creates in the steady state: a store that has already opened a ticket today. The
 * day's first ticket reads one item less (its number counter does not exist yet).
 */
async function openedToday(caller: Caller, storeId: string): Promise<void> {
  await created('createTicket', { caller, body: complaintBody(storeId) });
}

/** Manual revisits in the desk's store, due at `dueAt` (in the past: already due; ahead: timed). */
async function bookedRevisits(d: DeskFixture, count: number, dueAt: Date): Promise<string[]> {
  const { id: customerId } = await created('createCustomer', {
    caller: d.admin,
    body: { name: '陈女士', phone: `1370000${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}` },
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const revisit = await created('createRevisit', {
      caller: d.as.desk,
      body: { customerId, storeId: d.store.id, dueAt: dueAt.toISOString(), note: `回访 ${i}` },
    });
    ids.push(revisit.id);
  }
  return ids;
}

export const measured = (measure: Measure) =>
  operations.filter(
    (op): op is MeasuredOperation => op.status === 'measured' && op.measures.includes(measure),
  );

export const pending = (measure?: Measure) =>
  operations.filter(
    (op): op is PendingOperation =>
      op.status === 'not yet implemented' && (measure === undefined || op.measures.includes(measure)),
  );

/** For a pending operation: the route-table entry serving its path, once someone adds it. */
export function routeNowServing(op: PendingOperation): HttpRouteName | undefined {
  if (!('method' in op.expected)) return undefined;
  const { method, path } = op.expected;
  const normalise = (p: string) => p.replace(/\{\w+\}/g, '{}');
  return (Object.keys(httpRoutes) as HttpRouteName[]).find((name) => {
    const route = httpRoutes[name];
    return route.method === method && normalise(route.path) === normalise(path);
  });
}

/**
 * A ticket's typical life for the cost model (the definition). Counts are per ticket;
 * `undefined` means the count itself is not known until the feature exists.
 */
export const typicalLife: readonly { readonly operation: string; readonly count: number | undefined }[] = [
  { operation: 'createTicket', count: 1 },
  { operation: 'assignTicket', count: 1 },
  { operation: 'startTicket', count: 1 },
  { operation: 'resolveTicket', count: 1 },
  { operation: 'commentOnTicket', count: 2 },
  { operation: 'revisitAttempt', count: 1 },
  // Timers that fire in a typical life: its revisit coming due. SLA clocks met in time are
  // scheduled and dropped inside the ticket's own transactions, already counted above.
  { operation: 'timerDispatch', count: 1 },
];

export function scheduledEvent(now: Date): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: now.toISOString(),
    region: 'local',
    resources: ['arn:aws:events:local:000000000000:rule/sweeper'],
    detail: {},
  };
}
