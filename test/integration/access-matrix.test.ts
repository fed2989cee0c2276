import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaffRole, staffRoles } from '../../shared/access/roles';
import { type HttpRouteName, httpRoutes } from '../../shared/http/route-table';
import { type Caller, type Invocation, type InvocationResult, invoke, problem } from '../kit/invoke';
import {
  buildWorld,
  jwtRouteNames,
  publicRoutes,
  type RouteRequest,
  routeCases,
  type World,
} from '../kit/route-requests';
import { ofTenant, type TableChange, tableChanges } from '../kit/table-changes';

/*
 * Tenant, store and role isolation for every route of the route table: two tenants with two
 * stores each and the six roles. The requests are the valid ones of test/kit/route-requests.ts,
 * aimed at another tenant, at a store outside the caller's scope, and by roles the table leaves out.
 * Each refusal is followed by the same request from its rightful caller succeeding, so a refusal
 * can only come from the tenant, store or role.
 */

// What each refused request wrote: read from the table's change stream after marking it.
const changes = tableChanges();
afterAll(() => changes.close());
const mark = async () => {
  await changes.newChanges();
};
const writtenFor = (list: readonly TableChange[], tenant: string) =>
  ofTenant(list, tenant).map((change) => `${change.event} ${change.pk} ${change.sk}`);
const written = async (tenant: string) => writtenFor(await changes.newChanges(), tenant);

const show = (result: InvocationResult<unknown>) => {
  const text = JSON.stringify(result.body) ?? '';
  return `${result.status} ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
};

const code = (result: InvocationResult<unknown>) => problem(result)?.code;

/** Every id and name of the world that another tenant must never see. */
function secretsOf(world: World): string[] {
  return [
    world.tenant,
    world.store.id,
    world.otherStore.id,
    world.customer.id,
    world.customer.phone,
    ...Object.values(world.staff).map((member) => member.id),
    ...world.tickets.map((ticket) => ticket.id),
    world.otherStoreTicket.id,
    ...world.purchaseIds,
    world.otherStorePurchaseId,
    ...world.revisits.map((revisit) => revisit.id),
    world.otherStoreRevisit.id,
  ];
}

const leaked = (result: InvocationResult<unknown>, secrets: readonly string[]) => {
  const text = JSON.stringify(result.body) ?? '';
  return secrets.filter((secret) => text.includes(secret));
};

/** Does the request name one of the world's objects in its body or query? */
const refersTo = (request: Invocation, secrets: readonly string[]) => {
  const text = JSON.stringify([request.body, request.query]);
  return secrets.some((secret) => text.includes(secret));
};

const withoutAdmin = (roles: readonly StaffRole[]) => roles.filter((role) => role !== 'admin');

async function expectAccepted(routeName: HttpRouteName, request: RouteRequest) {
  const result = await invoke(routeName, request);
  expect(result.status, `${routeName} from its rightful caller: ${show(result)}`).toBeLessThan(300);
}

describe('access matrix: every route × another tenant, another store, every role', () => {
  let a: World;
  let b: World;
  beforeAll(async () => {
    [a, b] = await Promise.all([buildWorld('matrix-a'), buildWorld('matrix-b')]);
  }, 180_000);

  it('has a valid request for every route of the route table', () => {
    const covered = [...Object.keys(routeCases), ...Object.keys(publicRoutes)].sort();
    expect(covered).toEqual(Object.keys(httpRoutes).sort());
  });

  it('sees every write at once in the change log the checks below read', async () => {
    await mark();
    const customer = await invoke('createCustomer', { caller: a.admin, body: { phone: '13912345678' } });
    expect(customer.status, show(customer)).toBe(201);
    const landed = await changes.newChanges();
    expect(writtenFor(landed, a.tenant).filter((line) => line.startsWith('INSERT'))).not.toEqual([]);
    expect(writtenFor(landed, b.tenant)).toEqual([]);
    expect(await written(a.tenant)).toEqual([]);
  });

  it.each(jwtRouteNames)(
    "%s: another tenant's objects are 404, and nothing of them shows",
    async (routeName) => {
      const request = await routeCases[routeName].valid(a);
      const inbox = routeName === 'listNotifications' || routeName === 'readNotification';
      // Tenant B's admin may do anything in B; for an inbox, B's technician (admins have none).
      const intruder: Caller = inbox ? b.as.tech : b.admin;
      const secrets = secretsOf(a);
      await mark();
      const result = await invoke(routeName, { ...request, caller: intruder });
      expect(await written(a.tenant), `${routeName} wrote into the other tenant`).toEqual([]);
      expect(leaked(result, secrets), `${routeName} showed the other tenant's data: ${show(result)}`).toEqual(
        [],
      );
      if (request.params && Object.keys(request.params).length > 0) {
        expect(result.status, `${routeName} on another tenant's object: ${show(result)}`).toBe(404);
      } else if (refersTo(request, secrets) && httpRoutes[routeName].method !== 'GET') {
        // A body naming another tenant's object: refused as an unknown reference, naming the field.
        expect(result.status, `${routeName} referring to another tenant's object: ${show(result)}`).toBe(422);
        expect(problem(result).errors?.length ?? 0, show(result)).toBeGreaterThan(0);
      } else {
        expect(result.status, `${routeName}: ${show(result)}`).toBeLessThan(500);
      }
      await expectAccepted(routeName, request);
    },
  );

  it.each(jwtRouteNames.filter((name) => httpRoutes[name].method !== 'GET'))(
    "%s: each id in the body swapped for another tenant's is 422 naming that field",
    async (routeName) => {
      const request = await routeCases[routeName].valid(b);
      const [ours, theirs] = [secretsOf(b), secretsOf(a)];
      const swaps: { path: string; body: unknown }[] = [];
      const walk = (value: unknown, path: string, replace: (next: unknown) => unknown) => {
        if (typeof value === 'string' && ours.includes(value) && /^[0-9A-Z]{26}$/.test(value)) {
          swaps.push({ path, body: replace(theirs[ours.indexOf(value)]) });
        } else if (Array.isArray(value)) {
          for (const [index, item] of value.entries()) {
            walk(item, `${path}.${index}`, (next) =>
              replace(value.map((old, i) => (i === index ? next : old))),
            );
          }
        } else if (value && typeof value === 'object') {
          for (const [key, item] of Object.entries(value)) {
            walk(item, path ? `${path}.${key}` : key, (next) => replace({ ...value, [key]: next }));
          }
        }
      };
      walk(request.body, '', (next) => next);
      await mark();
      const failures: string[] = [];
      for (const swap of swaps) {
        const result = await invoke(routeName, { ...request, body: swap.body });
        const named = (problem(result).errors ?? []).map((issue) => issue.path);
        const namesField = named.includes(swap.path) || named.includes(swap.path.replace(/\.0$/, ''));
        // A store the token does not list is out of scope before anything is read (no existence leak).
        const outOfScope =
          /^storeIds?(\.0)?$/.test(swap.path) &&
          !request.caller.roles.includes('admin') &&
          code(result) === 'store_out_of_scope';
        if (!outOfScope && (result.status !== 422 || !namesField)) {
          failures.push(`body.${swap.path} of the other tenant → ${show(result)}`);
        }
      }
      expect(failures).toEqual([]);
      const landed = await changes.newChanges();
      expect(writtenFor(landed, a.tenant)).toEqual([]);
      expect(writtenFor(landed, b.tenant), `${routeName} wrote behind a refused reference`).toEqual([]);
      await expectAccepted(routeName, request);
    },
  );

  it.each(jwtRouteNames.filter((name) => routeCases[name].scope === 'store'))(
    '%s: staff of another store get 403 store_out_of_scope and change nothing',
    async (routeName) => {
      const request = await routeCases[routeName].valid(a);
      const roles = withoutAdmin(httpRoutes[routeName].roles);
      expect(roles.length, `${routeName} is admin-only: say so in its scope`).toBeGreaterThan(0);
      const elsewhere: Caller = {
        tenantId: a.tenant,
        userId: `elsewhere-${routeName}`,
        roles,
        storeIds: [a.otherStore.id],
      };
      await mark();
      const result = await invoke(routeName, { ...request, caller: elsewhere });
      expect(await written(a.tenant), `${routeName} wrote for a caller out of scope`).toEqual([]);
      expect([result.status, code(result)], `${routeName}: ${show(result)}`).toEqual([
        403,
        'store_out_of_scope',
      ]);
      await expectAccepted(routeName, request);
    },
  );

  /** Lists spanning stores, asked by staff of the other store: every item must be theirs to see. */
  const listProbes: Record<string, { route: HttpRouteName; request: (world: World) => Invocation }> = {
    'stores of a store manager': { route: 'listStores', request: () => ({ query: {} }) },
    "a customer's purchases": {
      route: 'listCustomerPurchases',
      request: (world) => ({ params: { customerId: world.customer.id }, query: {} }),
    },
    "a customer's revisits": {
      route: 'listCustomerRevisits',
      request: (world) => ({ params: { customerId: world.customer.id }, query: {} }),
    },
    "a customer's tickets": {
      route: 'listTickets',
      request: (world) => ({ query: { customerId: world.customer.id } }),
    },
    "an assignee's tickets": {
      route: 'listTickets',
      request: (world) => ({ query: { assigneeId: world.staff.tech.id, open: 'false' } }),
    },
    'tickets of my store': { route: 'listTickets', request: () => ({ query: {} }) },
    'revisits of my store': { route: 'listRevisits', request: () => ({ query: { status: 'scheduled' } }) },
    'staff of my store': {
      route: 'listStaff',
      request: (world) => ({ query: { storeId: world.otherStore.id } }),
    },
  };

  it('covers every list that spans stores', () => {
    const filtered = jwtRouteNames.filter((name) => routeCases[name].scope === 'filtered');
    const probed = new Set(Object.values(listProbes).map((probe) => probe.route));
    for (const name of filtered) expect(probed, `${name} has no list probe`).toContain(name);
  });

  it.each(Object.keys(listProbes))('lists never show another store: %s', async (probeName) => {
    const probe = listProbes[probeName];
    if (!probe) throw new Error(probeName);
    const roles = withoutAdmin(httpRoutes[probe.route].roles);
    const elsewhere: Caller = {
      tenantId: a.tenant,
      userId: `elsewhere-${probe.route}`,
      roles,
      storeIds: [a.otherStore.id],
    };
    const result = await invoke<{ items: Record<string, unknown>[] }>(probe.route, {
      ...probe.request(a),
      caller: elsewhere,
    });
    expect(result.status, show(result)).toBe(200);
    const hidden = new Set([
      a.store.id,
      ...a.tickets.map((ticket) => ticket.id),
      ...a.purchaseIds,
      ...a.revisits.map((revisit) => revisit.id),
    ]);
    const shown = result.body.items.filter(
      (item) =>
        hidden.has(String(item.id)) ||
        item.storeId === a.store.id ||
        (Array.isArray(item.storeIds) && !item.storeIds.includes(a.otherStore.id)),
    );
    expect(shown, `${probeName} showed the other store's items`).toEqual([]);
    // The same list as an admin does hold those items: the filter is what hid them.
    if (
      probe.route !== 'listStaff' &&
      probe.route !== 'listRevisits' &&
      probeName !== 'tickets of my store'
    ) {
      const all = await invoke<{ items: Record<string, unknown>[] }>(probe.route, {
        ...probe.request(a),
        caller: a.admin,
      });
      expect(
        all.body.items.some((item) => hidden.has(String(item.id)) || item.storeId === a.store.id),
        `${probeName} as admin: ${show(all)}`,
      ).toBe(true);
    }
  });

  it("another staff member's notification is 404", async () => {
    const request = await routeCases.readNotification.valid(a);
    const result = await invoke('readNotification', { ...request, caller: a.as.tech2 });
    expect(result.status, show(result)).toBe(404);
    await expectAccepted('readNotification', request);
  });

  it.each(jwtRouteNames)(
    '%s: roles the route table leaves out get 403 role_not_allowed',
    async (routeName) => {
      const allowed: readonly StaffRole[] = httpRoutes[routeName].roles;
      const request = await routeCases[routeName].valid(a);
      const wrong: readonly (readonly StaffRole[])[] = [
        ...staffRoles.filter((role) => !allowed.includes(role)).map((role) => [role]),
        // A token with no role we know (an unknown name) may call nothing.
        ['cleaner' as StaffRole],
        [],
        // One claim element holding two names is one unknown role, never split into two. (Not
        // 'front_desk admin': API Gateway flattens that element to `[front_desk admin]`, which is
        // exactly how it flattens two elements; the token verifier has to refuse such a claim.)
        ['front_desk,admin' as StaffRole],
      ];
      const known = new Set<string>(staffRoles);
      await mark();
      const failures: string[] = [];
      for (const roles of wrong) {
        const caller: Caller = {
          tenantId: a.tenant,
          userId: `role-${roles.join('+')}`,
          roles,
          storeIds: [a.store.id],
        };
        const result = await invoke(routeName, { ...request, caller });
        // An unknown role may be refused as such; a known one is refused by the route's table.
        const unknown = roles.some((role) => !known.has(role));
        if (result.status !== 403 || (!unknown && code(result) !== 'role_not_allowed')) {
          failures.push(`[${roles.join(' ')}] → ${show(result)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await written(a.tenant), `${routeName} wrote for a wrong role`).toEqual([]);
      // Each allowed role gets past the role check (what it may then do is the use case's business).
      for (const role of allowed) {
        const caller: Caller = {
          tenantId: a.tenant,
          userId: request.caller.userId,
          roles: [role],
          storeIds: [a.store.id],
        };
        const result = await invoke(routeName, { ...request, caller });
        expect(code(result), `${routeName} as ${role}: ${show(result)}`).not.toBe('role_not_allowed');
        expect(result.status, `${routeName} as ${role}: ${show(result)}`).toBeLessThan(500);
      }
    },
  );
});
