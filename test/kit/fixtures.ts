import { expect } from 'vitest';
import type { StaffMember } from '../../shared/staff/schema';
import type { Store } from '../../shared/stores/schema';
import { admin, type Caller, freshTenant, invoke } from './invoke';

export interface DeskFixture {
  readonly tenant: string;
  readonly admin: Caller;
  readonly store: Store;
  readonly otherStore: Store;
  readonly staff: {
    readonly desk: StaffMember;
    readonly tech: StaffMember;
    readonly tech2: StaffMember;
    readonly handler: StaffMember;
    readonly supervisor: StaffMember;
    readonly manager: StaffMember;
    readonly elsewhere: StaffMember;
  };
  /** Callers whose token subject is linked to the staff entry of the same name. */
  readonly as: Record<'desk' | 'tech' | 'tech2' | 'handler' | 'supervisor' | 'manager' | 'elsewhere', Caller>;
}

/** A tenant with two stores and a small team, each member linked to a token subject. */
export async function deskFixture(label: string, storeCode = 'SH01'): Promise<DeskFixture> {
  const tenant = freshTenant(label);
  const boss = admin(tenant);
  const created = await Promise.all(
    [storeCode, `${storeCode}X`].map((code) =>
      invoke<Store>('createStore', { caller: boss, body: { code, name: code } }),
    ),
  );
  expect(created.map((result) => result.status)).toEqual([201, 201]);
  const [store, otherStore] = created.map((result) => result.body) as [Store, Store];
  const team = {
    desk: { roles: ['front_desk'], storeId: store.id },
    tech: { roles: ['technician'], storeId: store.id },
    tech2: { roles: ['technician'], storeId: store.id },
    handler: { roles: ['complaint_handler'], storeId: store.id },
    supervisor: { roles: ['supervisor'], storeId: store.id },
    manager: { roles: ['manager'], storeId: store.id },
    elsewhere: { roles: ['technician'], storeId: otherStore.id },
  } as const;
  const staff = {} as Record<keyof typeof team, StaffMember>;
  const as = {} as Record<keyof typeof team, Caller>;
  for (const [name, member] of Object.entries(team) as [
    keyof typeof team,
    (typeof team)[keyof typeof team],
  ][]) {
    const userId = `${name}-${tenant}`;
    const result = await invoke<StaffMember>('createStaff', {
      caller: boss,
      body: { name, roles: member.roles, storeIds: [member.storeId], userId },
    });
    expect(result.status).toBe(201);
    staff[name] = result.body;
    as[name] = { tenantId: tenant, userId, roles: member.roles, storeIds: [member.storeId] };
  }
  return { tenant, admin: boss, store, otherStore, staff, as };
}
