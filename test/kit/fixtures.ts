import type { HttpRouteName } from '../../shared/http/route-table';
import type { StaffMember } from '../../shared/staff/views';
import type { Store } from '../../shared/stores/views';
import { admin, type Caller, freshTenant, type Invocation, invoke } from './invoke';

/** Calls a route to set something up; any answer but the expected one stops the setup, naming it. */
async function answered<T>(
  routeName: HttpRouteName,
  invocation: Invocation,
  expected: (status: number) => boolean,
): Promise<T> {
  const result = await invoke<T>(routeName, invocation);
  if (!expected(result.status)) {
    throw new Error(`setup: ${routeName} answered ${result.status}: ${JSON.stringify(result.body)}`);
  }
  return result.body;
}

export const created = <T = { id: string }>(routeName: HttpRouteName, invocation: Invocation) =>
  answered<T>(routeName, invocation, (status) => status === 201);

export const ok = <T = Record<string, unknown>>(routeName: HttpRouteName, invocation: Invocation) =>
  answered<T>(routeName, invocation, (status) => status === 200);

export const succeeded = <T = Record<string, unknown>>(routeName: HttpRouteName, invocation: Invocation) =>
  answered<T>(routeName, invocation, (status) => status >= 200 && status < 300);

type TeamMember = 'desk' | 'tech' | 'tech2' | 'handler' | 'supervisor' | 'manager' | 'elsewhere';

export interface DeskFixture {
  readonly tenant: string;
  readonly admin: Caller;
  readonly store: Store;
  readonly otherStore: Store;
  readonly staff: Readonly<Record<TeamMember, StaffMember>>;
  /** Callers whose token subject is linked to the staff entry of the same name. */
  readonly as: Readonly<Record<TeamMember, Caller>>;
}

/** A tenant with two stores and a small team, each member linked to a token subject. */
export async function deskFixture(label: string, storeCode = 'SH01'): Promise<DeskFixture> {
  const tenant = freshTenant(label);
  const boss = admin(tenant);
  const [store, otherStore] = (await Promise.all(
    [storeCode, `${storeCode}X`].map((code) =>
      created<Store>('createStore', { caller: boss, body: { code, name: code } }),
    ),
  )) as [Store, Store];
  const team = {
    desk: { roles: ['front_desk'], storeId: store.id },
    tech: { roles: ['technician'], storeId: store.id },
    tech2: { roles: ['technician'], storeId: store.id },
    handler: { roles: ['complaint_handler'], storeId: store.id },
    supervisor: { roles: ['supervisor'], storeId: store.id },
    manager: { roles: ['manager'], storeId: store.id },
    elsewhere: { roles: ['technician'], storeId: otherStore.id },
  } as const;
  const staff = {} as Record<TeamMember, StaffMember>;
  const as = {} as Record<TeamMember, Caller>;
  for (const [name, member] of Object.entries(team) as [TeamMember, (typeof team)[TeamMember]][]) {
    const userId = `${name}-${tenant}`;
    staff[name] = await created<StaffMember>('createStaff', {
      caller: boss,
      body: { name, roles: member.roles, storeIds: [member.storeId], userId },
    });
    as[name] = { tenantId: tenant, userId, roles: member.roles, storeIds: [member.storeId] };
  }
  return { tenant, admin: boss, store, otherStore, staff, as };
}
