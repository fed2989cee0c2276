import { randomUUID } from 'node:crypto';
import type { Page } from '../../shared/db/cursor';
import { putEntity } from '../../shared/db/items';
import { writeTransaction } from '../../shared/db/transactions';
import { type HttpRouteName, httpRoutes } from '../../shared/http/route-table';
import { newId } from '../../shared/ids';
import type { Notification } from '../../shared/notifications/inbox';
import type { Revisit } from '../../shared/revisits/views';
import type { Ticket } from '../../shared/tickets/views';
import type { WakeUpCall } from '../../shared/wake-up-calls/views';
import { webhookAttemptEntity } from '../../shared/webhooks/entities';
import { calendarBody, settingsBody, slaPoliciesBody } from './bodies';
import { type DeskFixture, deskFixture, succeeded } from './fixtures';
import type { Caller, Invocation } from './invoke';

/**
 * One valid request per route of the route table, built on a small world of objects, so the
 * generated fuzz test has a base to mutate and the access matrix a request to aim at other
 * tenants, stores and roles. A route missing here fails both tests.
 */

export interface World extends DeskFixture {
  readonly customer: { id: string; phone: string };
  /** Objects of `store` (the callers' store) and of `otherStore`. */
  readonly tickets: readonly Ticket[];
  readonly otherStoreTicket: Ticket;
  readonly purchaseIds: readonly string[];
  readonly otherStorePurchaseId: string;
  readonly revisits: readonly Revisit[];
  readonly otherStoreRevisit: Revisit;
}

export interface RouteRequest extends Invocation {
  readonly caller: Caller;
}

let serial = 0;
const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}${randomUUID().slice(0, 4)}`;
const randomPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

const dayAfterTomorrow = () => new Date(Date.now() + 2 * 86_400_000).toISOString();

/** A merchant of the store, admitted by the admin. */
export async function newMerchant(world: DeskFixture, storeId = world.store.id) {
  return succeeded<{ id: string; version: number }>('createMerchant', {
    caller: world.admin,
    body: {
      storeId,
      name: `家具店 ${unique()}`,
      licenceNumber: `91310000${unique()}`.slice(0, 30),
      contact: { name: 'Zhao Lei', phone: '13800001111' },
      categories: ['furniture'],
      contractStart: '2026-01-01',
      contractEnd: '2027-12-31',
      depositRequired: 10_000_000,
    },
  });
}

/** A line of the store's equipment register (设备管理表), entered by the desk. */
async function newEquipment(world: DeskFixture) {
  return succeeded<{ id: string; version: number }>('createEquipment', {
    caller: world.as.desk,
    body: {
      storeId: world.store.id,
      name: `对讲机 ${unique()}`,
      serialNumber: unique(),
      issuedOn: '2026-11-27',
    },
  });
}

/** A webhook subscription of the tenant, created by its admin. */
export async function newWebhook(world: DeskFixture) {
  return succeeded<{ id: string; version: number; secret: string }>('createWebhookSubscription', {
    caller: world.admin,
    body: { url: 'https://crm.example.com/hooks', events: ['ticket.created'] },
  });
}

/**
 * A subscription with two lines in its delivery log (a page boundary to cursor over). The lines
 * are written as the deliverer writes them (shared/webhooks/delivery.ts); sending them for real
 * needs a receiver and the timer runtime (test/e2e/webhooks.test.ts does).
 */
async function webhookWithAttempts(world: DeskFixture) {
  const subscription = await newWebhook(world);
  for (const attempt of [1, 2]) {
    const at = new Date(Date.now() + attempt);
    await writeTransaction(world.tenant, [
      putEntity(webhookAttemptEntity, world.tenant, {
        id: newId(at),
        subscriptionId: subscription.id,
        deliveryId: `msg_${unique()}`,
        type: 'ticket.created',
        attempt,
        at: at.toISOString(),
        outcome: 'failed',
        responseStatus: 500,
        latencyMs: 12,
      }),
    ]);
  }
  return subscription;
}

/** A claim of `amount` fen on a new complaint ticket, requested by the front desk. */
export async function newClaim(world: DeskFixture, amount = 30_000) {
  const ticket = await succeeded<Ticket>('createTicket', {
    caller: world.admin,
    body: { storeId: world.store.id, type: 'complaint', channel: 'walk_in', subject: `sofa ${unique()}` },
  });
  const merchant = await newMerchant(world);
  return succeeded<{ id: string; version: number }>('createCompensationClaim', {
    caller: world.as.desk,
    body: {
      ticketId: ticket.id,
      merchantId: merchant.id,
      amount,
      reason: 'Sofa frame cracked',
      beneficiary: { name: 'Li Lei' },
    },
  });
}

/** A claim approved by the supervisor (¥300: one step). */
async function approvedClaim(world: DeskFixture) {
  const claim = await newClaim(world);
  return succeeded<{ id: string; version: number }>('decideCompensationClaim', {
    caller: world.as.supervisor,
    params: { claimId: claim.id },
    body: { decision: 'approve' },
  });
}

export async function newTicket(world: DeskFixture, storeId = world.store.id): Promise<Ticket> {
  return succeeded<Ticket>('createTicket', {
    caller: world.admin,
    body: { storeId, type: 'repair', channel: 'walk_in', subject: `fridge ${unique()}` },
  });
}

export async function newRevisit(
  world: DeskFixture & { customer: { id: string } },
  storeId = world.store.id,
) {
  return succeeded<Revisit>('createRevisit', {
    caller: world.admin,
    body: { customerId: world.customer.id, storeId, dueAt: dayAfterTomorrow(), note: 'call back' },
  });
}

export async function newPurchase(
  world: DeskFixture & { customer: { id: string } },
  storeId = world.store.id,
) {
  const purchase = await succeeded<{ id: string }>('createPurchase', {
    caller: world.admin,
    body: {
      customerId: world.customer.id,
      storeId,
      items: [{ name: 'Fridge', category: 'appliance', amount: 399_900, warrantyMonths: 12 }],
      purchasedOn: '2026-11-01',
      deliveredOn: '2026-11-02',
    },
  });
  return purchase.id;
}

/** A quality problem with the world's fridge: a repair is allowed whatever the day (in warranty or paid). */
const eligibilityBody = (world: World) => ({
  customerId: world.customer.id,
  purchaseId: world.purchaseIds[0],
  kind: 'exchange',
  reason: 'quality_problem',
  description: 'Does not cool',
  items: [{ line: 1 }],
});

/** The same request registered as a case, on a new exchange ticket about the fridge. */
async function returnBody(world: World) {
  const ticket = await succeeded<Ticket>('createTicket', {
    caller: world.admin,
    body: {
      storeId: world.store.id,
      type: 'exchange',
      channel: 'walk_in',
      subject: `fridge exchange ${unique()}`,
      customerId: world.customer.id,
      purchaseId: world.purchaseIds[0],
    },
  });
  return { ...eligibilityBody(world), ticketId: ticket.id };
}

export async function newReturn(world: World) {
  return succeeded<{ id: string; version: number }>('createReturn', {
    caller: world.admin,
    body: await returnBody(world),
  });
}

/** A mail-in repair of the world's fridge, on a new repair ticket about it. */
async function repairBody(world: World) {
  const ticket = await succeeded<Ticket>('createTicket', {
    caller: world.admin,
    body: {
      storeId: world.store.id,
      type: 'repair',
      channel: 'phone',
      subject: `fridge repair ${unique()}`,
      customerId: world.customer.id,
      purchaseId: world.purchaseIds[0],
    },
  });
  return {
    ticketId: ticket.id,
    customerId: world.customer.id,
    purchaseId: world.purchaseIds[0],
    line: 1,
    mode: 'mail_in',
    problem: 'Does not cool',
  };
}

export async function newRepair(world: World) {
  return succeeded<{ id: string; version: number }>('createRepair', {
    caller: world.admin,
    body: await repairBody(world),
  });
}

/** Day and time `minutes` from now in the fixture stores' zone (Asia/Shanghai, the default). */
export function shanghaiWallClock(minutes: number): { date: string; time: string } {
  const local = new Date(Date.now() + minutes * 60_000 + 8 * 3_600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** A wake-up call five minutes ahead: close enough that the desk may record a call. */
export async function newWakeUpCall(world: DeskFixture, storeId = world.store.id): Promise<WakeUpCall> {
  return succeeded<WakeUpCall>('createWakeUpCall', {
    caller: world.as.desk,
    body: { storeId, room: '1203', guestName: '王先生', ...shanghaiWallClock(5) },
  });
}

/** An umbrella lent against a ¥50 deposit, due back tomorrow. */
export async function newLoan(world: DeskFixture, storeId = world.store.id): Promise<{ id: string }> {
  return succeeded<{ id: string }>('lendItem', {
    caller: world.as.desk,
    body: { storeId, item: '雨伞', deposit: 5000, room: '1203', dueBackAt: dayAfterTomorrow() },
  });
}

/** A found item; perishables found two days ago are past their one-day retention. */
export async function newLostItem(
  world: DeskFixture,
  category: 'general' | 'perishables' = 'general',
  storeId = world.store.id,
): Promise<{ id: string }> {
  return succeeded<{ id: string }>('recordFoundItem', {
    caller: world.as.desk,
    body: {
      storeId,
      description: category === 'general' ? '黑色钱包' : '蛋糕',
      category,
      foundWhere: '1203',
      foundAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      foundBy: '客房部 张阿姨',
      storagePlace: '前台保险柜',
    },
  });
}

/** A message for room 1203, taken by the desk. */
export async function newGuestMessage(world: DeskFixture, storeId = world.store.id): Promise<{ id: string }> {
  return succeeded<{ id: string }>('createGuestMessage', {
    caller: world.as.desk,
    body: { storeId, room: '1203', from: '李经理', content: '请回电' },
  });
}

/** Two bags under a fresh tag, to be picked up the day after tomorrow. */
export async function newLuggage(
  world: DeskFixture,
  storeId = world.store.id,
): Promise<{ id: string; tagNumber: string }> {
  return succeeded<{ id: string; tagNumber: string }>('storeLuggage', {
    caller: world.as.desk,
    body: {
      storeId,
      tagNumber: `T-${unique()}`.slice(0, 20),
      pieces: 2,
      description: '黑色拉杆箱',
      location: '行李房 A 架',
      guestName: '王先生',
      expectedPickUpAt: dayAfterTomorrow(),
    },
  });
}

/** A safe deposit box opened for room 1203, under a box number no other test uses. */
export async function newSafeBox(world: DeskFixture, storeId = world.store.id): Promise<{ id: string }> {
  return succeeded<{ id: string }>('openSafeBox', {
    caller: world.as.desk,
    body: {
      storeId,
      boxNumber: unique().slice(-10),
      guestName: '王先生',
      room: '1203',
      idType: 'passport',
      idLast4: 'E123',
      signatureRef: `SB-${unique()}`,
    },
  });
}

let shiftSerial = 0;
/** A past shift no other request of this process hands over (one handover per store shift). */
export function pastShift(): { shiftDate: string; shiftStart: string } {
  const days = 1 + shiftSerial++;
  const date = new Date(Date.now() - days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  return { shiftDate: date, shiftStart: ['07:00', '15:00', '23:00'][days % 3] ?? '07:00' };
}

/** A past shift handed over by the desk, with ¥1,500 in the drawer. */
export async function newShiftHandover(
  world: DeskFixture,
  storeId = world.store.id,
): Promise<{ id: string }> {
  return succeeded<{ id: string }>('createShiftHandover', {
    caller: world.as.desk,
    body: { storeId, ...pastShift(), cashCount: 150_000 },
  });
}

/** Switches the front-office ledgers on for a fixture store (its kind is `other`). */
export async function enableFrontOffice(world: DeskFixture, storeId: string): Promise<void> {
  const store = await succeeded<{ version: number }>('getStore', {
    caller: world.admin,
    params: { storeId },
  });
  await succeeded('updateStore', {
    caller: world.admin,
    params: { storeId },
    body: { version: store.version, frontOffice: { enabled: true } },
  });
}

/** A department of the store with the supervisor in it, set up by the admin. */
export async function newDepartment(world: DeskFixture, storeId = world.store.id) {
  return succeeded<{ id: string; version: number }>('createDepartment', {
    caller: world.admin,
    body: { storeId, name: `家具部 ${unique()}`, members: [world.staff.supervisor.id] },
  });
}

/** A complaint case on a new complaint ticket, about a department of the store. */
export async function newComplaint(world: DeskFixture) {
  const ticket = await succeeded<Ticket>('createTicket', {
    caller: world.admin,
    body: {
      storeId: world.store.id,
      type: 'complaint',
      channel: 'hotline',
      subject: `complaint ${unique()}`,
    },
  });
  return succeeded<{ id: string; version: number }>('createComplaint', {
    caller: world.as.desk,
    body: {
      ticketId: ticket.id,
      complainant: { name: '王女士', phone: '13800138000' },
      respondent: { kind: 'product', description: '衣柜' },
      category: 'product_quality',
      content: '衣柜门脱落',
      claim: { kinds: ['repair'] },
    },
  });
}

/** A tenant with two stores, a team, a customer, and two of each object in the team's store. */
export async function buildWorld(label: string): Promise<World> {
  const desk = await deskFixture(label);
  const phone = randomPhone();
  const created = await succeeded<{ id: string }>('createCustomer', {
    caller: desk.as.desk,
    body: { phone, name: 'Li Lei' },
  });
  const base = { ...desk, customer: { id: created.id, phone } };
  for (const store of [desk.store, desk.otherStore]) await enableFrontOffice(desk, store.id);
  const tickets = [await newTicket(base), await newTicket(base)];
  // Two assignments: the technician's inbox has two entries (a page boundary to cursor over).
  for (const ticket of tickets) {
    await succeeded('assignTicket', {
      caller: desk.as.supervisor,
      params: { ticketId: ticket.id },
      body: { assigneeId: desk.staff.tech.id },
    });
  }
  return {
    ...base,
    tickets,
    otherStoreTicket: await newTicket(base, desk.otherStore.id),
    purchaseIds: [await newPurchase(base), await newPurchase(base)],
    otherStorePurchaseId: await newPurchase(base, desk.otherStore.id),
    revisits: [await newRevisit(base), await newRevisit(base)],
    otherStoreRevisit: await newRevisit(base, desk.otherStore.id),
  };
}

/** The version to send when replacing a configuration document (none while on the defaults). */
async function versionOf(routeName: HttpRouteName, invocation: Invocation): Promise<number | undefined> {
  const current = await succeeded<{ version: number }>(routeName, invocation);
  return current.version > 0 ? current.version : undefined;
}

/** Where the route's object lives, for the access matrix. */
export type StoreScope =
  /** Addressed by store (path object or body/query storeId): 403 store_out_of_scope elsewhere. */
  | 'store'
  /** A list spanning stores: other stores' items are left out. */
  | 'filtered'
  /** Tenant-level data, or admin-only (admins are tenant-wide), or the caller's own inbox. */
  | { readonly notStoreScoped: string };

export interface RouteCase {
  /** Builds a fresh valid request (creating whatever objects it needs). */
  readonly valid: (world: World) => Promise<RouteRequest>;
  readonly scope: StoreScope;
  /** Body/query fields holding times or dates: the fuzz test sends bad dates there. */
  readonly times?: readonly string[];
}

const customerParams = (world: World) => ({ customerId: world.customer.id });

export const routeCases: Record<Exclude<HttpRouteName, PublicRouteName>, RouteCase> = {
  createStore: {
    valid: async (world) => ({
      caller: world.admin,
      body: { code: `Z${unique().slice(-8)}`.toUpperCase(), name: 'Pop-up' },
    }),
    scope: { notStoreScoped: 'admin only; admins are tenant-wide' },
  },
  listStores: {
    valid: async (world) => ({ caller: world.as.desk, query: {} }),
    scope: 'filtered',
  },
  getStore: {
    valid: async (world) => ({ caller: world.as.desk, params: { storeId: world.store.id } }),
    scope: 'store',
  },
  updateStore: {
    valid: async (world) => {
      const store = await succeeded<{ version: number }>('getStore', {
        caller: world.admin,
        params: { storeId: world.store.id },
      });
      return {
        caller: world.as.manager,
        params: { storeId: world.store.id },
        body: { version: store.version, address: `Lane ${unique()}` },
      };
    },
    scope: 'store',
  },
  createStaff: {
    valid: async (world) => ({
      caller: world.as.manager,
      body: { name: 'Wang Fang', roles: ['technician'], storeIds: [world.store.id], userId: `u-${unique()}` },
    }),
    scope: 'store',
  },
  listStaff: {
    valid: async (world) => ({ caller: world.as.supervisor, query: { storeId: world.store.id } }),
    scope: 'store',
  },
  updateStaff: {
    valid: async (world) => {
      const member = await succeeded<{ id: string; version: number }>('createStaff', {
        caller: world.admin,
        body: { name: 'Li Na', roles: ['front_desk'], storeIds: [world.store.id] },
      });
      return {
        caller: world.as.manager,
        params: { staffId: member.id },
        body: { userId: `u-${unique()}`, version: member.version },
      };
    },
    scope: 'store',
  },
  getStoreCalendar: {
    valid: async (world) => ({ caller: world.as.desk, params: { storeId: world.store.id } }),
    scope: 'store',
  },
  putStoreCalendar: {
    valid: async (world) => {
      const params = { storeId: world.store.id };
      const current = await succeeded<{ version: number; source?: string }>('getStoreCalendar', {
        caller: world.admin,
        params,
      });
      const version = current.source === 'store' && current.version > 0 ? current.version : undefined;
      return { caller: world.as.manager, params, body: calendarBody(version) };
    },
    scope: 'store',
    times: ['holidays.0', 'makeUpWorkingDays.0'],
  },
  getTenantCalendar: {
    valid: async (world) => ({ caller: world.as.desk }),
    scope: { notStoreScoped: 'the tenant default calendar' },
  },
  putTenantCalendar: {
    valid: async (world) => {
      const current = await succeeded<{ version: number; source?: string }>('getTenantCalendar', {
        caller: world.admin,
      });
      const version = current.source === 'tenant' && current.version > 0 ? current.version : undefined;
      return { caller: world.admin, body: calendarBody(version) };
    },
    scope: { notStoreScoped: 'admin only; the tenant default calendar' },
    times: ['holidays.0', 'makeUpWorkingDays.0'],
  },
  getSlaPolicies: {
    valid: async (world) => ({ caller: world.as.desk }),
    scope: { notStoreScoped: 'tenant policies' },
  },
  putSlaPolicies: {
    valid: async (world) => ({
      caller: world.admin,
      body: slaPoliciesBody(await versionOf('getSlaPolicies', { caller: world.admin })),
    }),
    scope: { notStoreScoped: 'admin only; tenant policies' },
  },
  getSettings: {
    valid: async (world) => ({ caller: world.as.desk }),
    scope: { notStoreScoped: 'tenant settings' },
  },
  putSettings: {
    valid: async (world) => ({
      caller: world.admin,
      body: settingsBody(await versionOf('getSettings', { caller: world.admin })),
    }),
    scope: { notStoreScoped: 'admin only; tenant settings' },
  },
  createCustomer: {
    valid: async (world) => ({ caller: world.as.desk, body: { phone: randomPhone(), name: 'Han Meimei' } }),
    scope: { notStoreScoped: 'customers are tenant-wide (README: customer records span stores)' },
  },
  findCustomers: {
    valid: async (world) => ({ caller: world.as.desk, query: { phone: world.customer.phone } }),
    scope: { notStoreScoped: 'customers are tenant-wide' },
  },
  getCustomer: {
    valid: async (world) => ({ caller: world.as.desk, params: customerParams(world) }),
    scope: { notStoreScoped: 'customers are tenant-wide' },
  },
  listCustomerPurchases: {
    valid: async (world) => ({ caller: world.as.desk, params: customerParams(world), query: {} }),
    scope: 'filtered',
  },
  createPurchase: {
    valid: async (world) => ({
      caller: world.as.desk,
      body: {
        customerId: world.customer.id,
        storeId: world.store.id,
        merchantId: (await newMerchant(world)).id,
        items: [
          { name: 'Washer', category: 'appliance', amount: 259_900, warrantyMonths: 24 },
          { name: 'Dryer', category: 'appliance', amount: 199_900, warrantyMonths: 24 },
        ],
        purchasedOn: '2026-11-03',
        deliveredOn: '2026-11-04',
        bundles: [{ name: 'Laundry pair', lines: [1, 2], discount: 20_000 }],
      },
    }),
    scope: 'store',
    times: ['purchasedOn', 'deliveredOn'],
  },
  closePurchase: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { customerId: world.customer.id, purchaseId: await newPurchase(world) },
      body: { status: 'returned', reason: 'Did not fit' },
    }),
    scope: 'store',
  },
  listCustomerRevisits: {
    valid: async (world) => ({ caller: world.as.desk, params: customerParams(world), query: {} }),
    scope: 'filtered',
  },
  getRevisitRules: {
    valid: async (world) => ({ caller: world.as.desk }),
    scope: { notStoreScoped: 'tenant rules' },
  },
  putRevisitRules: {
    valid: async (world) => ({
      caller: world.admin,
      body: {
        postSale: { daysAfterDelivery: 7 },
        version: await versionOf('getRevisitRules', { caller: world.admin }),
      },
    }),
    scope: { notStoreScoped: 'admin only; tenant rules' },
  },
  createRevisit: {
    valid: async (world) => ({
      caller: world.as.desk,
      body: {
        customerId: world.customer.id,
        storeId: world.store.id,
        dueAt: dayAfterTomorrow(),
        // A revisit may only link a ticket about its own customer.
        ticketId: (
          await succeeded<Ticket>('createTicket', {
            caller: world.admin,
            body: {
              storeId: world.store.id,
              type: 'repair',
              channel: 'walk_in',
              subject: `repair ${unique()}`,
              customerId: world.customer.id,
            },
          })
        ).id,
        note: 'Ask about the repair',
      },
    }),
    scope: 'store',
    times: ['dueAt'],
  },
  listRevisits: {
    valid: async (world) => ({
      caller: world.as.desk,
      query: { storeId: world.store.id, status: 'scheduled' },
    }),
    scope: 'store',
  },
  getRevisit: {
    valid: async (world) => ({ caller: world.as.desk, params: { revisitId: world.revisits[0]?.id ?? '' } }),
    scope: 'store',
  },
  assignRevisit: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { revisitId: (await newRevisit(world)).id },
      body: { assigneeId: world.staff.tech.id },
    }),
    scope: 'store',
  },
  recordRevisitAttempt: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { revisitId: (await newRevisit(world)).id },
      body: { outcome: 'unreachable', comment: 'No answer' },
    }),
    scope: 'store',
  },
  createTicket: {
    valid: async (world) => ({
      caller: world.as.desk,
      body: {
        storeId: world.store.id,
        type: 'repair',
        channel: 'phone',
        subject: 'Washer leaks',
        customerId: world.customer.id,
        purchaseId: world.purchaseIds[0],
        contact: { name: 'Li Lei', phone: world.customer.phone },
      },
    }),
    scope: 'store',
  },
  listTickets: {
    valid: async (world) => ({ caller: world.as.desk, query: { storeId: world.store.id } }),
    scope: 'store',
    times: ['from', 'to'],
  },
  getTicket: {
    valid: async (world) => ({ caller: world.as.desk, params: { ticketId: world.tickets[0]?.id ?? '' } }),
    scope: 'store',
  },
  updateTicket: {
    valid: async (world) => {
      const ticket = await newTicket(world);
      return {
        caller: world.as.desk,
        params: { ticketId: ticket.id },
        body: { version: ticket.version, priority: 'high' },
      };
    },
    scope: 'store',
  },
  assignTicket: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { ticketId: (await newTicket(world)).id },
      body: { assigneeId: world.staff.tech2.id },
    }),
    scope: 'store',
  },
  transitionTicket: {
    valid: async (world) => ({
      caller: world.as.supervisor,
      params: { ticketId: (await newTicket(world)).id },
      body: { to: 'cancelled', reason: 'Opened twice' },
    }),
    scope: 'store',
  },
  commentOnTicket: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { ticketId: world.tickets[0]?.id ?? '' },
      body: { body: 'Customer called again', visibility: 'internal' },
    }),
    scope: 'store',
  },
  ticketTimeline: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { ticketId: world.tickets[0]?.id ?? '' },
      query: {},
    }),
    scope: 'store',
  },
  getAfterSalesPolicy: {
    valid: async (world) => ({ caller: world.as.desk }),
    scope: { notStoreScoped: 'tenant policy' },
  },
  putAfterSalesPolicy: {
    valid: async (world) => ({
      caller: world.admin,
      body: {
        noReason: { days: 7 },
        version: await versionOf('getAfterSalesPolicy', { caller: world.admin }),
      },
    }),
    scope: { notStoreScoped: 'admin only; tenant policy' },
  },
  checkReturnEligibility: {
    valid: async (world) => ({ caller: world.as.desk, body: eligibilityBody(world) }),
    scope: 'store',
  },
  createReturn: {
    valid: async (world) => ({ caller: world.as.desk, body: await returnBody(world) }),
    scope: 'store',
  },
  listReturns: {
    valid: async (world) => ({ caller: world.as.desk, query: { storeId: world.store.id } }),
    scope: 'store',
    times: ['from', 'to'],
  },
  getReturn: {
    valid: async (world) => ({ caller: world.as.desk, params: { returnId: (await newReturn(world)).id } }),
    scope: 'store',
  },
  recordReturnStep: {
    valid: async (world) => {
      const returnCase = await newReturn(world);
      return {
        caller: world.as.desk,
        params: { returnId: returnCase.id },
        body: { step: 'choose_repair', version: returnCase.version },
      };
    },
    scope: 'store',
  },
  createMerchant: {
    valid: async (world) => ({
      caller: world.as.manager,
      body: {
        storeId: world.store.id,
        name: '林氏木业',
        licenceNumber: '91310000MA1FL0XX1X',
        contact: { name: 'Lin Feng', phone: '13900002222' },
        categories: ['furniture', 'flooring'],
        unit: 'B2-018',
        contractStart: '2026-01-01',
        contractEnd: '2027-12-31',
        depositRequired: 10_000_000,
      },
    }),
    scope: 'store',
    times: ['contractStart', 'contractEnd'],
  },
  listMerchants: {
    valid: async (world) => {
      // At least one to page over (the fuzz test takes a real cursor from it).
      await newMerchant(world);
      return { caller: world.as.desk, query: { storeId: world.store.id, status: 'admitted' } };
    },
    scope: 'store',
  },
  getMerchant: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { merchantId: (await newMerchant(world)).id },
    }),
    scope: 'store',
  },
  transitionMerchant: {
    valid: async (world) => {
      const merchant = await newMerchant(world);
      return {
        caller: world.as.manager,
        params: { merchantId: merchant.id },
        body: { to: 'exiting', version: merchant.version, noticeAt: new Date().toISOString() },
      };
    },
    scope: 'store',
    times: ['noticeAt'],
  },
  recordDepositEntry: {
    valid: async (world) => ({
      caller: world.as.manager,
      params: { merchantId: (await newMerchant(world)).id },
      body: { kind: 'deposit', amount: 10_000_000, reference: `SJ-${unique()}`, note: '质量保证金' },
    }),
    scope: 'store',
  },
  listDepositEntries: {
    valid: async (world) => {
      const merchant = await newMerchant(world);
      await succeeded('recordDepositEntry', {
        caller: world.admin,
        params: { merchantId: merchant.id },
        body: { kind: 'deposit', amount: 500_000, reference: `SJ-${unique()}` },
      });
      return { caller: world.as.supervisor, params: { merchantId: merchant.id }, query: {} };
    },
    scope: 'store',
  },
  getCompensationPolicy: {
    valid: async (world) => ({ caller: world.as.desk }),
    scope: { notStoreScoped: 'tenant policy' },
  },
  putCompensationPolicy: {
    valid: async (world) => ({
      caller: world.admin,
      body: {
        bands: [
          { maxAmount: 50_000, steps: ['supervisor'] },
          { maxAmount: 500_000, steps: ['manager'] },
          { steps: ['manager', 'admin'] },
        ],
        reminderBusinessHours: 8,
        version: await versionOf('getCompensationPolicy', { caller: world.admin }),
      },
    }),
    scope: { notStoreScoped: 'admin only; tenant policy' },
  },
  createCompensationClaim: {
    valid: async (world) => ({
      caller: world.as.desk,
      body: {
        ticketId: (
          await succeeded<Ticket>('createTicket', {
            caller: world.admin,
            body: {
              storeId: world.store.id,
              type: 'complaint',
              channel: 'phone',
              subject: `claim ${unique()}`,
            },
          })
        ).id,
        merchantId: (await newMerchant(world)).id,
        amount: 45_000,
        reason: 'Wardrobe door fell off',
        beneficiary: { name: 'Li Lei', phone: world.customer.phone },
      },
    }),
    scope: 'store',
  },
  listCompensationClaims: {
    valid: async (world) => {
      await newClaim(world);
      return {
        caller: world.as.supervisor,
        query: { storeId: world.store.id, from: '2025-06-01T00:00:00Z', to: '2099-06-30T00:00:00Z' },
      };
    },
    scope: 'store',
    times: ['from', 'to'],
  },
  getCompensationClaim: {
    valid: async (world) => ({ caller: world.as.handler, params: { claimId: (await newClaim(world)).id } }),
    scope: 'store',
  },
  decideCompensationClaim: {
    valid: async (world) => ({
      caller: world.as.supervisor,
      params: { claimId: (await newClaim(world)).id },
      body: { decision: 'approve', reason: 'Frame defect confirmed' },
    }),
    scope: 'store',
  },
  recordCompensationPayment: {
    valid: async (world) => ({
      caller: world.as.supervisor,
      params: { claimId: (await approvedClaim(world)).id },
      body: { method: 'wechat_pay', reference: `WX-${unique()}`, paidBy: '财务 Chen' },
    }),
    scope: 'store',
  },
  recoverCompensationClaim: {
    valid: async (world) => {
      const approved = await approvedClaim(world);
      await succeeded('recordCompensationPayment', {
        caller: world.as.supervisor,
        params: { claimId: approved.id },
        body: { method: 'cash', reference: `XJ-${unique()}` },
      });
      return { caller: world.as.manager, params: { claimId: approved.id }, body: { note: '从保证金扣除' } };
    },
    scope: 'store',
  },
  createWakeUpCall: {
    valid: async (world) => ({
      caller: world.as.desk,
      body: {
        storeId: world.store.id,
        room: '0815',
        guestName: '李女士',
        ...shanghaiWallClock(24 * 60),
        repeat: 'daily',
        until: shanghaiWallClock(3 * 24 * 60).date,
        note: '要两次叫醒',
      },
    }),
    scope: 'store',
    times: ['date', 'until'],
  },
  listWakeUpCalls: {
    valid: async (world) => {
      // Two on the day, so the list has a second page (the fuzz test's cursors need one).
      await Promise.all([newWakeUpCall(world), newWakeUpCall(world)]);
      return {
        caller: world.as.desk,
        query: { storeId: world.store.id, date: shanghaiWallClock(5).date },
      };
    },
    scope: 'store',
    times: ['date'],
  },
  getWakeUpCall: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { wakeUpCallId: (await newWakeUpCall(world)).id },
    }),
    scope: 'store',
  },
  recordWakeUpAttempt: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { wakeUpCallId: (await newWakeUpCall(world)).id },
      body: { version: 1, outcome: 'no_answer', note: '响铃无人接' },
    }),
    scope: 'store',
  },
  cancelWakeUpCall: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { wakeUpCallId: (await newWakeUpCall(world)).id },
      body: { version: 1, reason: '客人提前退房' },
    }),
    scope: 'store',
  },
  lendItem: {
    valid: async (world) => ({
      caller: world.as.desk,
      body: {
        storeId: world.store.id,
        item: '充电器',
        quantity: 1,
        deposit: 10_000,
        room: '0815',
        guestName: '李女士',
        lentAt: new Date(Date.now() - 60_000).toISOString(),
        dueBackAt: dayAfterTomorrow(),
        note: 'Type-C',
      },
    }),
    scope: 'store',
    times: ['lentAt', 'dueBackAt'],
  },
  listLoans: {
    valid: async (world) => {
      // Two out, so the list has a second page (the fuzz test's cursors need one).
      await Promise.all([newLoan(world), newLoan(world)]);
      return { caller: world.as.desk, query: { storeId: world.store.id, status: 'out' } };
    },
    scope: 'store',
  },
  getLoan: {
    valid: async (world) => ({ caller: world.as.desk, params: { loanId: (await newLoan(world)).id } }),
    scope: 'store',
  },
  returnLentItem: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { loanId: (await newLoan(world)).id },
      body: { version: 1, note: '完好' },
    }),
    scope: 'store',
  },
  keepLoanDeposit: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { loanId: (await newLoan(world)).id },
      body: { version: 1, reason: '客人退房未归还' },
    }),
    scope: 'store',
  },
  recordFoundItem: {
    valid: async (world) => ({
      caller: world.as.desk,
      body: {
        storeId: world.store.id,
        description: '银色手表',
        category: 'valuables',
        foundWhere: '大堂沙发',
        foundAt: new Date(Date.now() - 3_600_000).toISOString(),
        foundBy: '保安 李师傅',
        storagePlace: '前台保险柜 2 号',
      },
    }),
    scope: 'store',
    times: ['foundAt'],
  },
  listLostItems: {
    valid: async (world) => {
      // Two held, so the list has a second page (the fuzz test's cursors need one).
      await Promise.all([newLostItem(world), newLostItem(world)]);
      return { caller: world.as.desk, query: { storeId: world.store.id, status: 'held' } };
    },
    scope: 'store',
  },
  getLostItem: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { lostItemId: (await newLostItem(world)).id },
    }),
    scope: 'store',
  },
  claimLostItem: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { lostItemId: (await newLostItem(world)).id },
      body: {
        version: 1,
        claimantName: '周先生',
        claimantDescription: '黑色皮夹，内有一张会员卡',
        idType: 'resident_id',
        idLast4: '123X',
        signatureRef: 'LF-2026-0001',
      },
    }),
    scope: 'store',
  },
  disposeLostItem: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { lostItemId: (await newLostItem(world, 'perishables')).id },
      body: { version: 1, how: 'disposed', note: '已变质', receiptRef: 'D-0001' },
    }),
    scope: 'store',
  },
  createGuestMessage: {
    valid: async (world) => ({
      caller: world.as.desk,
      body: {
        storeId: world.store.id,
        room: '0815',
        guestName: '李女士',
        from: '王总（上海分公司）',
        callbackNumber: '021-5555 0101',
        content: '明早的会议改到十点。',
      },
    }),
    scope: 'store',
  },
  listGuestMessages: {
    valid: async (world) => {
      // Two undelivered, so the list has a second page (the fuzz test's cursors need one).
      await Promise.all([newGuestMessage(world), newGuestMessage(world)]);
      return { caller: world.as.desk, query: { storeId: world.store.id, status: 'undelivered' } };
    },
    scope: 'store',
  },
  getGuestMessage: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { guestMessageId: (await newGuestMessage(world)).id },
    }),
    scope: 'store',
  },
  deliverGuestMessage: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { guestMessageId: (await newGuestMessage(world)).id },
      body: { version: 1, how: 'under_door', note: '门缝塞入' },
    }),
    scope: 'store',
  },
  acknowledgeGuestMessage: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { guestMessageId: (await newGuestMessage(world)).id },
      body: { version: 1, note: '客人在前台阅读' },
    }),
    scope: 'store',
  },
  storeLuggage: {
    valid: async (world) => ({
      caller: world.as.desk,
      body: {
        storeId: world.store.id,
        tagNumber: `L-${unique()}`.slice(0, 20),
        pieces: 1,
        description: '蓝色背包',
        location: '行李房 B 架',
        guestName: '李女士',
        room: '0815',
        phone: '13800138000',
        expectedPickUpAt: dayAfterTomorrow(),
        declaredContents: ['clothing', 'documents'],
        note: '客人下午来取',
      },
    }),
    scope: 'store',
    times: ['expectedPickUpAt'],
  },
  listLuggage: {
    valid: async (world) => {
      // Two stored, so the list has a second page (the fuzz test's cursors need one).
      await Promise.all([newLuggage(world), newLuggage(world)]);
      return { caller: world.as.desk, query: { storeId: world.store.id, status: 'stored' } };
    },
    scope: 'store',
  },
  getLuggage: {
    valid: async (world) => ({ caller: world.as.desk, params: { luggageId: (await newLuggage(world)).id } }),
    scope: 'store',
  },
  pickUpLuggage: {
    valid: async (world) => {
      const stored = await newLuggage(world);
      return {
        caller: world.as.desk,
        params: { luggageId: stored.id },
        body: { version: 1, with: 'stub', tagNumber: stored.tagNumber },
      };
    },
    scope: 'store',
  },
  openSafeBox: {
    valid: async (world) => ({
      caller: world.as.desk,
      body: {
        storeId: world.store.id,
        boxNumber: unique().slice(-10),
        guestName: '李女士',
        room: '0815',
        idType: 'resident_id',
        idLast4: '123X',
        signatureRef: `SB-${unique()}`,
        note: '两件首饰',
      },
    }),
    scope: 'store',
  },
  listSafeBoxes: {
    valid: async (world) => {
      // Two open, so the list has a second page (the fuzz test's cursors need one).
      await Promise.all([newSafeBox(world), newSafeBox(world)]);
      return { caller: world.as.desk, query: { storeId: world.store.id, status: 'open' } };
    },
    scope: 'store',
  },
  getSafeBox: {
    valid: async (world) => ({ caller: world.as.desk, params: { safeBoxId: (await newSafeBox(world)).id } }),
    scope: 'store',
  },
  recordSafeBoxAccess: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { safeBoxId: (await newSafeBox(world)).id },
      body: { version: 1, signatureRef: `SB-${unique()}`, note: '取出护照' },
    }),
    scope: 'store',
  },
  closeSafeBox: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { safeBoxId: (await newSafeBox(world)).id },
      body: { version: 1, keyReturned: false, signatureRef: `SB-${unique()}`, note: '钥匙遗失' },
    }),
    scope: 'store',
  },
  createShiftHandover: {
    valid: async (world) => ({
      caller: world.as.desk,
      body: { storeId: world.store.id, ...pastShift(), cashCount: 123_400, notes: '1203 延迟退房' },
    }),
    scope: 'store',
    times: ['shiftDate'],
  },
  listShiftHandovers: {
    valid: async (world) => {
      // Two awaiting acceptance, so the list has a second page (the fuzz test's cursors need one).
      await Promise.all([newShiftHandover(world), newShiftHandover(world)]);
      return { caller: world.as.desk, query: { storeId: world.store.id, status: 'handed_over' } };
    },
    scope: 'store',
  },
  getShiftHandover: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { shiftHandoverId: (await newShiftHandover(world)).id },
    }),
    scope: 'store',
  },
  acceptShiftHandover: {
    valid: async (world) => ({
      caller: world.as.supervisor,
      params: { shiftHandoverId: (await newShiftHandover(world)).id },
      body: { version: 1, note: '已核对' },
    }),
    scope: 'store',
  },
  settleCompensationReceivable: {
    valid: async (world) => {
      // The approved ¥300 claim's merchant has no deposit: all of it becomes receivable.
      const approved = await approvedClaim(world);
      await succeeded('recordCompensationPayment', {
        caller: world.as.supervisor,
        params: { claimId: approved.id },
        body: { method: 'cash', reference: `XJ-${unique()}` },
      });
      const recovered = await succeeded<{ version: number }>('recoverCompensationClaim', {
        caller: world.as.manager,
        params: { claimId: approved.id },
        body: {},
      });
      return {
        caller: world.as.manager,
        params: { claimId: approved.id },
        body: {
          amount: 10_000,
          method: 'bank_transfer',
          reference: `HK-${unique()}`,
          version: recovered.version,
        },
      };
    },
    scope: 'store',
  },
  createDepartment: {
    valid: async (world) => ({
      caller: world.as.manager,
      body: { storeId: world.store.id, name: `售后部 ${unique()}`, members: [world.staff.handler.id] },
    }),
    scope: 'store',
  },
  listDepartments: {
    valid: async (world) => {
      // Two, so the list has a second page (the fuzz test's cursors need one).
      await Promise.all([newDepartment(world), newDepartment(world)]);
      return { caller: world.as.desk, query: { storeId: world.store.id, limit: '1' } };
    },
    scope: 'store',
  },
  getDepartment: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { departmentId: (await newDepartment(world)).id },
    }),
    scope: 'store',
  },
  updateDepartment: {
    valid: async (world) => {
      const department = await newDepartment(world);
      return {
        caller: world.as.manager,
        params: { departmentId: department.id },
        body: { version: department.version, name: '家具售后部', members: [world.staff.manager.id] },
      };
    },
    scope: 'store',
  },
  createComplaint: {
    valid: async (world) => ({
      caller: world.as.desk,
      body: {
        ticketId: (
          await succeeded<Ticket>('createTicket', {
            caller: world.admin,
            body: { storeId: world.store.id, type: 'complaint', channel: 'phone', subject: `c ${unique()}` },
          })
        ).id,
        complainant: { name: '李先生', phone: world.customer.phone, customerId: world.customer.id },
        respondent: { kind: 'department', id: (await newDepartment(world)).id },
        category: 'service_attitude',
        content: '导购态度恶劣',
        claim: { kinds: ['apology', 'explanation'], detail: '要求道歉' },
        receivedAt: new Date().toISOString(),
      },
    }),
    scope: 'store',
    times: ['receivedAt'],
  },
  listComplaints: {
    valid: async (world) => {
      await Promise.all([newComplaint(world), newComplaint(world)]);
      return {
        caller: world.as.handler,
        query: {
          storeId: world.store.id,
          status: 'registered',
          from: '2025-06-01T00:00:00Z',
          to: '2099-06-30T00:00:00Z',
          limit: '1',
        },
      };
    },
    scope: 'store',
    times: ['from', 'to'],
  },
  getComplaint: {
    valid: async (world) => ({
      caller: world.as.desk,
      params: { complaintId: (await newComplaint(world)).id },
    }),
    scope: 'store',
  },
  recordComplaintStep: {
    valid: async (world) => {
      const complaint = await newComplaint(world);
      return {
        caller: world.as.handler,
        params: { complaintId: complaint.id },
        body: { step: 'judge', version: complaint.version, validity: 'valid', reason: '门铰链质量问题' },
      };
    },
    scope: 'store',
  },
  listNotifications: {
    valid: async (world) => ({ caller: world.as.tech, query: {} }),
    scope: { notStoreScoped: "the caller's own inbox" },
  },
  readNotification: {
    valid: async (world) => {
      const inbox = await succeeded<Page<Notification>>('listNotifications', { caller: world.as.tech });
      return { caller: world.as.tech, params: { notificationId: inbox.items[0]?.id ?? '' } };
    },
    scope: { notStoreScoped: "the caller's own inbox" },
  },
  createRepair: {
    valid: async (world) => ({ caller: world.as.desk, body: await repairBody(world) }),
    scope: 'store',
  },
  listRepairs: {
    valid: async (world) => ({ caller: world.as.desk, query: { storeId: world.store.id } }),
    scope: 'store',
    times: ['from', 'to'],
  },
  getRepair: {
    valid: async (world) => ({ caller: world.as.desk, params: { repairId: (await newRepair(world)).id } }),
    scope: 'store',
  },
  recordRepairStep: {
    valid: async (world) => {
      const repair = await newRepair(world);
      return {
        caller: world.as.desk,
        params: { repairId: repair.id },
        body: { step: 'receive_parcel', version: repair.version, trackingNumber: 'SF1234567890' },
      };
    },
    scope: 'store',
  },
  getRepairPriceList: {
    valid: async (world) => ({ caller: world.as.desk }),
    scope: { notStoreScoped: 'tenant price list' },
  },
  putRepairPriceList: {
    valid: async (world) => ({
      caller: world.admin,
      body: {
        items: [{ code: 'LAB-1', name: '维修工时', kind: 'labour', amount: 10_000 }],
        inspectionFee: 3_000,
        version: await versionOf('getRepairPriceList', { caller: world.admin }),
      },
    }),
    scope: { notStoreScoped: 'admin only; tenant price list' },
  },
  createWebhookSubscription: {
    valid: async (world) => ({
      caller: world.admin,
      body: { url: 'https://crm.example.com/hooks', events: ['ticket.created'], description: '会员CRM' },
    }),
    scope: { notStoreScoped: 'admin only; tenant webhooks' },
  },
  listWebhookSubscriptions: {
    valid: async (world) => ({ caller: world.admin, query: {} }),
    scope: { notStoreScoped: 'admin only; tenant webhooks' },
  },
  getWebhookSubscription: {
    valid: async (world) => ({
      caller: world.admin,
      params: { subscriptionId: (await newWebhook(world)).id },
    }),
    scope: { notStoreScoped: 'admin only; tenant webhooks' },
  },
  updateWebhookSubscription: {
    valid: async (world) => ({
      caller: world.admin,
      params: { subscriptionId: (await newWebhook(world)).id },
      body: { version: 1, events: ['ticket.created', 'revisit.done'] },
    }),
    scope: { notStoreScoped: 'admin only; tenant webhooks' },
  },
  deleteWebhookSubscription: {
    valid: async (world) => ({
      caller: world.admin,
      params: { subscriptionId: (await newWebhook(world)).id },
    }),
    scope: { notStoreScoped: 'admin only; tenant webhooks' },
  },
  rotateWebhookSecret: {
    valid: async (world) => ({
      caller: world.admin,
      params: { subscriptionId: (await newWebhook(world)).id },
      body: { version: 1 },
    }),
    scope: { notStoreScoped: 'admin only; tenant webhooks' },
  },
  listWebhookDeliveries: {
    valid: async (world) => ({
      caller: world.admin,
      params: { subscriptionId: (await webhookWithAttempts(world)).id },
      query: {},
    }),
    scope: { notStoreScoped: 'admin only; tenant webhooks' },
  },
  getWeeklyStoreReport: {
    valid: async (world) => ({
      caller: world.as.supervisor,
      query: { storeId: world.store.id, week: '2026-W48' },
    }),
    scope: {
      notStoreScoped:
        'managers and admins read every store; supervisors only theirs (report-aggregates test)',
    },
  },
  createEquipment: {
    valid: async (world) => ({
      caller: world.as.desk,
      body: {
        storeId: world.store.id,
        name: '对讲机',
        model: 'T82',
        issuedTo: '王芳',
        issuedOn: '2026-11-27',
      },
    }),
    scope: 'store',
    times: ['issuedOn', 'returnedOn'],
  },
  listEquipment: {
    valid: async (world) => {
      // Two, so the list has a second page (the fuzz test's cursors need one).
      await Promise.all([newEquipment(world), newEquipment(world)]);
      return { caller: world.as.desk, query: { storeId: world.store.id, limit: '1' } };
    },
    scope: 'store',
  },
  updateEquipment: {
    valid: async (world) => {
      const equipment = await newEquipment(world);
      return {
        caller: world.as.desk,
        params: { equipmentId: equipment.id },
        body: { version: equipment.version, returnedOn: '2026-11-30' },
      };
    },
    scope: 'store',
    times: ['issuedOn', 'returnedOn'],
  },
  exportLedger: {
    valid: async (world) => ({
      caller: world.as.supervisor,
      // The days around today in any zone: the world's tickets were opened just now.
      query: {
        storeId: world.store.id,
        from: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
        to: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
        limit: '1',
      },
    }),
    scope: 'store',
    times: ['from', 'to'],
  },
  exportEquipmentRegister: {
    valid: async (world) => {
      await Promise.all([newEquipment(world), newEquipment(world)]);
      return { caller: world.as.supervisor, query: { storeId: world.store.id, limit: '1' } };
    },
    scope: 'store',
  },
  exportStaffRegister: {
    valid: async (world) => ({
      caller: world.as.supervisor,
      query: { storeId: world.store.id, limit: '1' },
    }),
    scope: 'store',
  },
  getMonthlyStaffAssessment: {
    valid: async (world) => ({
      caller: world.as.supervisor,
      query: { storeId: world.store.id, month: '2026-11' },
    }),
    scope: {
      notStoreScoped:
        'managers and admins read every store; supervisors only theirs (report-aggregates test)',
    },
  },
  getSlaReport: {
    valid: async (world) => ({
      caller: world.as.supervisor,
      query: { storeId: world.store.id, from: '2026-11-01', to: '2026-11-30' },
    }),
    times: ['from', 'to'],
    scope: {
      notStoreScoped:
        'managers and admins read every store; supervisors only theirs (report-aggregates test)',
    },
  },
  exportReturnRegister: {
    valid: async (world) => ({ caller: world.as.desk, query: registerPeriod(world) }),
    scope: 'store',
    times: ['from', 'to'],
  },
  exportReturnSummary: {
    valid: async (world) => ({
      caller: world.as.desk,
      query: { storeId: world.store.id, from: '2026-11-01', to: '2026-11-30' },
    }),
    scope: 'store',
    times: ['from', 'to'],
  },
  exportComplaintRegister: {
    valid: async (world) => ({ caller: world.as.handler, query: registerPeriod(world) }),
    scope: 'store',
    times: ['from', 'to'],
  },
  exportCompensationApprovals: {
    valid: async (world) => ({ caller: world.as.desk, query: registerPeriod(world) }),
    scope: 'store',
    times: ['from', 'to'],
  },
  exportRevisitRegister: {
    // The world's revisits are due the day after tomorrow: one a page, so the cursor runs.
    valid: async (world) => ({ caller: world.as.desk, query: registerPeriod(world) }),
    scope: 'store',
    times: ['from', 'to'],
  },
  getChainReport: {
    valid: async (world) => ({
      // Two stores, so `limit=1` has a second page (the fuzz test's cursors need one).
      caller: world.admin,
      query: { from: '2026-11-01', to: '2026-11-30', storeIds: `${world.store.id},${world.otherStore.id}` },
    }),
    times: ['from', 'to'],
    scope: { notStoreScoped: 'managers and admins read the whole chain; no other role calls it' },
  },
};

/** A register of the days from yesterday to four days ahead, in any zone: the world's objects fall in it. */
const registerPeriod = (world: World) => ({
  storeId: world.store.id,
  from: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
  to: new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10),
  limit: '1',
});

/** Public routes, listed with why they have no request to vary. */
type PublicRouteName =
  | 'health'
  | 'getOpenApiDocument'
  | 'getReferencePage'
  | 'getReferencePageScript'
  | 'notFound';
export const publicRoutes: Record<PublicRouteName, string> = {
  health: 'takes no input at all (no body, query or parameters are read)',
  getOpenApiDocument: 'takes no input at all: it answers the committed docs/openapi.json',
  getReferencePage: 'takes no input at all: it answers the same HTML page',
  getReferencePageScript: 'takes no input at all: it answers the same gzip-compressed script',
  notFound: 'answers every request with a 404 problem; the fuzz test checks that for random requests',
};

export const jwtRouteNames = (Object.keys(httpRoutes) as HttpRouteName[]).filter(
  (name) => httpRoutes[name].auth === 'jwt',
) as (keyof typeof routeCases)[];
