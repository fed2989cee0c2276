import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../shared/db/cursor';
import type { StaffMember } from '../../shared/staff/views';
import type { Store } from '../../shared/stores/views';
import type { Ticket } from '../../shared/tickets/views';
import { admin, badFields, type Caller, freshTenant, invoke, problem } from '../kit/invoke';
import { itemsOfTenant } from '../kit/table';

describe('staff: createStaff, listStaff, updateStaff', () => {
  let tenant: string;
  let storeA: Store;
  let storeB: Store;
  let manager: Caller;

  beforeAll(async () => {
    tenant = freshTenant('staff');
    const created = await Promise.all(
      ['A1', 'B1'].map((code) =>
        invoke<Store>('createStore', { caller: admin(tenant), body: { code, name: `${code}店` } }),
      ),
    );
    expect(created.map((result) => result.status)).toEqual([201, 201]);
    [storeA, storeB] = created.map((result) => result.body) as [Store, Store];
    manager = { tenantId: tenant, userId: 'mgr', roles: ['manager'], storeIds: [storeA.id] };
  });

  it('createStaff, listStaff: adds a staff member and lists them by store and across the tenant', async () => {
    const created = await invoke<StaffMember>('createStaff', {
      caller: admin(tenant),
      body: { name: '李师傅', roles: ['technician'], storeIds: [storeA.id, storeB.id], userId: 'sub-li' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '李师傅', roles: ['technician'], version: 1 });

    for (const store of [storeA, storeB]) {
      const list = await invoke<Page<StaffMember>>('listStaff', {
        caller: admin(tenant),
        query: { storeId: store.id },
      });
      expect(list.body.items.map((member) => member.id)).toContain(created.body.id);
    }
    const all = await invoke<Page<StaffMember>>('listStaff', { caller: admin(tenant) });
    expect(all.body.items.map((member) => member.id)).toContain(created.body.id);
  });

  it('createStaff: links one directory entry per identity', async () => {
    const body = { name: '张三', roles: ['front_desk'], storeIds: [storeA.id], userId: 'sub-zhang' };
    expect((await invoke('createStaff', { caller: admin(tenant), body })).status).toBe(201);
    const again = await invoke('createStaff', { caller: admin(tenant), body: { ...body, name: '张三丰' } });
    expect(again.status).toBe(409);
    expect(problem(again).code).toBe('staff_user_taken');
  });

  it('createStaff: lets a manager staff only their own stores, and never with admins', async () => {
    const own = await invoke('createStaff', {
      caller: manager,
      body: { name: '前台小王', roles: ['front_desk'], storeIds: [storeA.id] },
    });
    expect(own.status).toBe(201);
    const elsewhere = await invoke('createStaff', {
      caller: manager,
      body: { name: '外店', roles: ['front_desk'], storeIds: [storeB.id] },
    });
    expect(elsewhere.status).toBe(403);
    const promote = await invoke('createStaff', {
      caller: manager,
      body: { name: '越权', roles: ['admin'], storeIds: [storeA.id] },
    });
    expect(promote.status).toBe(403);
    expect(problem(promote).code).toBe('role_grant_refused');
  });

  it('createStaff: refuses unknown stores by position and writes nothing', async () => {
    const quiet = freshTenant('staff');
    const foreignStore = storeA.id;
    const result = await invoke('createStaff', {
      caller: admin(quiet),
      body: { name: '某人', roles: ['front_desk'], storeIds: [foreignStore] },
    });
    expect(result.status).toBe(422);
    expect(badFields(result)).toEqual(['body.storeIds.0']);
    expect(await itemsOfTenant(quiet)).toEqual([]);
  });

  it('createStaff: names every bad field', async () => {
    const result = await invoke('createStaff', {
      caller: admin(tenant),
      body: { name: '', roles: ['janitor', 'janitor'], storeIds: ['x'], email: 'nope' },
    });
    expect(result.status).toBe(400);
    expect(badFields(result)).toEqual([
      'body.email',
      'body.name',
      'body.roles.0',
      'body.roles.1',
      'body.storeIds.0',
    ]);
    const noStore = await invoke('createStaff', {
      caller: admin(tenant),
      body: { name: '无店', roles: ['front_desk'], storeIds: [] },
    });
    expect(badFields(noStore)).toEqual(['body.storeIds']);
  });

  it('listStaff: keeps the directory to supervisors and up, within their stores', async () => {
    const clerk: Caller = { tenantId: tenant, userId: 'c', roles: ['front_desk'], storeIds: [storeA.id] };
    expect((await invoke('listStaff', { caller: clerk, query: { storeId: storeA.id } })).status).toBe(403);
    expect((await invoke('listStaff', { caller: manager, query: { storeId: storeB.id } })).status).toBe(403);
    const noStore = await invoke('listStaff', { caller: manager });
    expect(noStore.status).toBe(400);
    expect(badFields(noStore)).toEqual(['query.storeId']);
    const stranger = await invoke<Page<StaffMember>>('listStaff', {
      caller: admin(freshTenant('staff')),
      query: { storeId: storeA.id },
    });
    expect(stranger.body.items).toEqual([]);
  });

  it('updateStaff: hands nothing to a member without a sign-in, says how to link one, and links it once', async () => {
    const unlinked = (
      await invoke<StaffMember>('createStaff', {
        caller: admin(tenant),
        body: { name: '新来的', roles: ['complaint_handler'], storeIds: [storeA.id] },
      })
    ).body;
    const ticket = await invoke<Ticket>('createTicket', {
      caller: admin(tenant),
      body: { storeId: storeA.id, type: 'complaint', channel: 'phone', subject: '投诉' },
    });
    expect(ticket.status).toBe(201);
    const refused = await invoke('assignTicket', {
      caller: admin(tenant),
      params: { ticketId: ticket.body.id },
      body: { assigneeId: unlinked.id },
    });
    expect(refused.status).toBe(422);
    expect(problem(refused).code).toBe('assignee_not_linked');
    expect(problem(refused).detail).toContain(`PATCH /v1/staff/${unlinked.id}`);
    expect(badFields(refused)).toEqual(['body.assigneeId']);

    // The person signs in before anyone linked them: the refusal names the fix.
    const newcomer: Caller = {
      tenantId: tenant,
      userId: 'sub-new',
      roles: ['complaint_handler'],
      storeIds: [storeA.id],
    };
    const inbox = await invoke('listNotifications', { caller: newcomer });
    expect(inbox.status).toBe(422);
    expect(problem(inbox).code).toBe('not_in_directory');
    expect(problem(inbox).detail).toContain('PATCH /v1/staff/{staffId}');

    const stale = await invoke('updateStaff', {
      caller: manager,
      params: { staffId: unlinked.id },
      body: { userId: 'sub-new', version: 7 },
    });
    expect(stale.status).toBe(409);
    const outsider: Caller = { tenantId: tenant, userId: 'mgr-b', roles: ['manager'], storeIds: [storeB.id] };
    expect(
      (
        await invoke('updateStaff', {
          caller: outsider,
          params: { staffId: unlinked.id },
          body: { userId: 'sub-new', version: 1 },
        })
      ).status,
    ).toBe(403);
    const linked = await invoke<StaffMember>('updateStaff', {
      caller: manager,
      params: { staffId: unlinked.id },
      body: { userId: 'sub-new', version: 1 },
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ userId: 'sub-new', version: 2, name: '新来的' });

    const assigned = await invoke<Ticket>('assignTicket', {
      caller: admin(tenant),
      params: { ticketId: ticket.body.id },
      body: { assigneeId: unlinked.id },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ assigneeId: unlinked.id, assigneeUserId: 'sub-new' });
    expect((await invoke('listNotifications', { caller: newcomer })).status).toBe(200);
    // The membership copy the store's list reads carries the link and keeps its workload.
    const roster = await invoke<Page<StaffMember & { openTickets: number }>>('listStaff', {
      caller: manager,
      query: { storeId: storeA.id },
    });
    expect(roster.body.items.find((member) => member.id === unlinked.id)).toMatchObject({
      userId: 'sub-new',
      version: 2,
    });

    // A link is made once; another member cannot take the same sign-in either.
    const relink = await invoke('updateStaff', {
      caller: manager,
      params: { staffId: unlinked.id },
      body: { userId: 'sub-other', version: 2 },
    });
    expect(relink.status).toBe(409);
    expect(problem(relink).code).toBe('staff_already_linked');
    const other = (
      await invoke<StaffMember>('createStaff', {
        caller: manager,
        body: { name: '另一位', roles: ['front_desk'], storeIds: [storeA.id] },
      })
    ).body;
    const taken = await invoke('updateStaff', {
      caller: manager,
      params: { staffId: other.id },
      body: { userId: 'sub-new', version: 1 },
    });
    expect(taken.status).toBe(409);
    expect(problem(taken).code).toBe('staff_user_taken');
  });
});
