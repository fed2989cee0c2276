import { describe, expect, it } from 'vitest';
import type { Page } from '../../shared/db/cursor';
import type { Store } from '../../shared/stores/views';
import { admin, badFields, type Caller, freshTenant, invoke, problem } from '../kit/invoke';
import { itemsOfTenant } from '../kit/table';

const createStore = (caller: Caller, body: unknown) => invoke<Store>('createStore', { caller, body });

describe('stores: createStore, getStore, listStores', () => {
  it('createStore: creates a store with defaults and a normalised code, and reads it back (getStore)', async () => {
    const tenant = freshTenant('stores');
    const created = await createStore(admin(tenant), { code: ' sh01 ', name: '上海一店', kind: 'mall' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'SH01',
      name: '上海一店',
      kind: 'mall',
      timezone: 'Asia/Shanghai',
      version: 1,
    });
    expect(created.headers.location).toBe(`/v1/stores/${created.body.id}`);

    const read = await invoke<Store>('getStore', {
      caller: admin(tenant),
      params: { storeId: created.body.id },
    });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('createStore: refuses a second store with the same code in the tenant, but another tenant may use it', async () => {
    const tenant = freshTenant('stores');
    expect((await createStore(admin(tenant), { code: 'BJ01', name: 'A' })).status).toBe(201);
    const again = await createStore(admin(tenant), { code: 'bj01', name: 'B' });
    expect(again.status).toBe(409);
    expect(problem(again).code).toBe('store_code_taken');
    expect((await createStore(admin(freshTenant('stores')), { code: 'BJ01', name: 'C' })).status).toBe(201);
    // The refused create left nothing behind: one store and one code reservation.
    expect(await itemsOfTenant(tenant)).toHaveLength(2);
  });

  it('createStore: names every bad field and writes nothing', async () => {
    const tenant = freshTenant('stores');
    const result = await createStore(admin(tenant), {
      code: 'x',
      name: '',
      timezone: 'Mars/Olympus',
      kind: 'castle',
      colour: 'red',
    });
    expect(result.status).toBe(400);
    expect(result.headers['content-type']).toBe('application/problem+json');
    expect(badFields(result)).toEqual([
      'body.code',
      'body.colour',
      'body.kind',
      'body.name',
      'body.timezone',
    ]);
    expect(await itemsOfTenant(tenant)).toEqual([]);
  });

  it('createStore: lets only admins create stores', async () => {
    const tenant = freshTenant('stores');
    const manager: Caller = { tenantId: tenant, userId: 'm', roles: ['manager'], storeIds: [] };
    const result = await createStore(manager, { code: 'GZ01', name: 'x' });
    expect(result.status).toBe(403);
    expect(problem(result).code).toBe('role_not_allowed');
    expect(await itemsOfTenant(tenant)).toEqual([]);
  });

  it('getStore: answers 404 for another tenant’s store and 403 for a store outside the caller’s scope', async () => {
    const tenant = freshTenant('stores');
    const store = (await createStore(admin(tenant), { code: 'SZ01', name: 'x' })).body;
    const other = (await createStore(admin(tenant), { code: 'SZ02', name: 'y' })).body;

    const stranger = await invoke('getStore', {
      caller: admin(freshTenant('stores')),
      params: { storeId: store.id },
    });
    expect(stranger.status).toBe(404);
    expect(problem(stranger).code).toBe('store_not_found');

    const clerk: Caller = { tenantId: tenant, userId: 'c', roles: ['front_desk'], storeIds: [store.id] };
    expect((await invoke('getStore', { caller: clerk, params: { storeId: store.id } })).status).toBe(200);
    const outside = await invoke('getStore', { caller: clerk, params: { storeId: other.id } });
    expect(outside.status).toBe(403);
    expect(problem(outside).code).toBe('store_out_of_scope');
  });

  it('getStore: rejects a malformed store id in the path as a bad field', async () => {
    const result = await invoke('getStore', {
      caller: admin(freshTenant('stores')),
      params: { storeId: 'nope' },
    });
    expect(result.status).toBe(400);
    expect(badFields(result)).toEqual(['path.storeId']);
  });

  it('listStores: pages an admin through every store of the tenant with a cursor bound to the tenant', async () => {
    const tenant = freshTenant('stores');
    for (const code of ['A1', 'A2', 'A3', 'A4', 'A5']) await createStore(admin(tenant), { code, name: code });

    const first = await invoke<Page<Store>>('listStores', { caller: admin(tenant), query: { limit: '2' } });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.cursor).toEqual(expect.any(String));

    const seen = [...first.body.items];
    let cursor = first.body.cursor;
    while (cursor) {
      const next = await invoke<Page<Store>>('listStores', {
        caller: admin(tenant),
        query: { limit: '2', cursor },
      });
      seen.push(...next.body.items);
      cursor = next.body.cursor;
    }
    expect(seen.map((store) => store.code).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);

    // The same cursor, replayed by another tenant, is refused rather than leaking its stores.
    const replay = await invoke('listStores', {
      caller: admin(freshTenant('stores')),
      query: { cursor: first.body.cursor ?? '' },
    });
    expect(replay.status).toBe(400);
    expect(badFields(replay)).toEqual(['query.cursor']);
  });

  it('listStores: shows staff only the stores of their token', async () => {
    const tenant = freshTenant('stores');
    const mine = (await createStore(admin(tenant), { code: 'M1', name: 'mine' })).body;
    await createStore(admin(tenant), { code: 'M2', name: 'not mine' });
    const clerk: Caller = { tenantId: tenant, userId: 'c', roles: ['front_desk'], storeIds: [mine.id] };
    const list = await invoke<Page<Store>>('listStores', { caller: clerk });
    expect(list.body.items.map((store) => store.code)).toEqual(['M1']);
  });

  it('listStores: rejects bad list parameters by name', async () => {
    const result = await invoke('listStores', {
      caller: admin(freshTenant('stores')),
      query: { limit: '0', cursor: '%%%', sort: 'x' },
    });
    expect(result.status).toBe(400);
    expect(badFields(result)).toEqual(['query.limit', 'query.sort']);
  });

  it('listStores: refuses callers without a token and tokens without a tenant', async () => {
    expect((await invoke('listStores')).status).toBe(401);
    const noTenant = await invoke('listStores', { caller: { tenantId: '', userId: 'x', roles: ['admin'] } });
    expect(noTenant.status).toBe(403);
    expect(problem(noTenant).code).toBe('tenant_claim_missing');
  });
});
