import { beforeAll, describe, expect, it } from 'vitest';
import type { Customer, Purchase } from '../../shared/customers/views';
import type { Page } from '../../shared/db/cursor';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { admin, badFields, freshTenant, invoke, problem } from '../kit/invoke';
import { itemsOfTenant } from '../kit/table';

describe('customers and purchases', () => {
  let desk: DeskFixture;
  // A bound, not a pace: the fixture makes two stores and a team, slow when every core is busy.
  beforeAll(async () => {
    desk = await deskFixture('customers');
  }, 60_000);

  it('createCustomer, findCustomers, getCustomer: registers a customer once per phone, however the phone is typed, and finds them by it', async () => {
    const created = await invoke<Customer>('createCustomer', {
      caller: desk.as.desk,
      body: { name: '王女士', phone: '+86 138-0013-8000', memberId: 'VIP-001' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      phone: '13800138000',
      name: '王女士',
      memberId: 'VIP-001',
      version: 1,
    });
    expect(created.headers.location).toBe(`/v1/customers/${created.body.id}`);

    const again = await invoke('createCustomer', { caller: desk.as.tech, body: { phone: '138 0013 8000' } });
    expect(again.status).toBe(409);
    expect(problem(again).code).toBe('customer_phone_taken');

    const found = await invoke<Page<Customer>>('findCustomers', {
      caller: desk.as.tech,
      query: { phone: '0086 13800138000' },
    });
    expect(found.body.items).toEqual([created.body]);
    const none = await invoke<Page<Customer>>('findCustomers', {
      caller: desk.as.tech,
      query: { phone: '13900000000' },
    });
    expect(none.body.items).toEqual([]);
    expect(
      (await invoke('getCustomer', { caller: desk.as.desk, params: { customerId: created.body.id } })).body,
    ).toEqual(created.body);
  });

  it('getCustomer, listCustomerPurchases, findCustomers: keep customers to their tenant', async () => {
    const customer = (
      await invoke<Customer>('createCustomer', { caller: desk.as.desk, body: { phone: '13700000001' } })
    ).body;
    const stranger = admin(freshTenant('customers'));
    expect(
      (await invoke('getCustomer', { caller: stranger, params: { customerId: customer.id } })).status,
    ).toBe(404);
    expect(
      (await invoke('listCustomerPurchases', { caller: stranger, params: { customerId: customer.id } }))
        .status,
    ).toBe(404);
    const lookup = await invoke<Page<Customer>>('findCustomers', {
      caller: stranger,
      query: { phone: '13700000001' },
    });
    expect(lookup.body.items).toEqual([]);
  });

  it('createPurchase, listCustomerPurchases: records purchases with a computed total and lists them newest first', async () => {
    const customer = (
      await invoke<Customer>('createCustomer', { caller: desk.as.desk, body: { phone: '13700000002' } })
    ).body;
    const body = {
      customerId: customer.id,
      storeId: desk.store.id,
      orderNumber: 'SO-2026-001',
      items: [
        { name: '三人沙发', category: 'furniture', amount: 1_299_900, warrantyMonths: 36 },
        { name: '靠垫', category: 'textile', amount: 9_900, quantity: 2 },
      ],
      purchasedOn: '2026-11-20',
      deliveredOn: '2026-11-22',
    };
    const first = await invoke<Purchase>('createPurchase', { caller: desk.as.desk, body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ totalAmount: 1_319_700, currency: 'CNY', status: 'active' });
    expect(first.body.items[1]).toMatchObject({ quantity: 2, warrantyMonths: 0 });
    const second = await invoke<Purchase>('createPurchase', {
      caller: desk.as.desk,
      body: { ...body, orderNumber: 'SO-2' },
    });
    const list = await invoke<Page<Purchase>>('listCustomerPurchases', {
      caller: desk.as.tech,
      params: { customerId: customer.id },
    });
    expect(list.body.items.map((purchase) => purchase.id)).toEqual([second.body.id, first.body.id]);
  });

  it('getCustomer, listCustomerPurchases: show a customer to every store but their purchases only to the store that sold and to admins', async () => {
    const customer = (
      await invoke<Customer>('createCustomer', { caller: desk.as.desk, body: { phone: '13700000009' } })
    ).body;
    const sale = (storeId: string) => ({
      customerId: customer.id,
      storeId,
      items: [{ name: '台灯', category: 'lighting', amount: 19_900 }],
      purchasedOn: '2026-11-20',
    });
    const here = await invoke<Purchase>('createPurchase', {
      caller: desk.as.desk,
      body: sale(desk.store.id),
    });
    const there = await invoke<Purchase>('createPurchase', {
      caller: desk.admin,
      body: sale(desk.otherStore.id),
    });
    expect([here.status, there.status]).toEqual([201, 201]);
    const seenBy = async (caller: typeof desk.admin) =>
      (
        await invoke<Page<Purchase>>('listCustomerPurchases', { caller, params: { customerId: customer.id } })
      ).body.items.map((purchase) => purchase.id);
    expect(await seenBy(desk.as.desk)).toEqual([here.body.id]);
    expect(await seenBy(desk.as.elsewhere)).toEqual([there.body.id]);
    expect(await seenBy(desk.admin)).toEqual([there.body.id, here.body.id]);
    expect(
      (await invoke('getCustomer', { caller: desk.as.elsewhere, params: { customerId: customer.id } }))
        .status,
    ).toBe(200);
  });

  it('createPurchase: refuses purchases outside the store scope, for unknown customers, or delivered before sold', async () => {
    const customer = (
      await invoke<Customer>('createCustomer', { caller: desk.as.desk, body: { phone: '13700000003' } })
    ).body;
    const base = {
      customerId: customer.id,
      storeId: desk.store.id,
      items: [{ name: 'x', category: 'y', amount: 100 }],
      purchasedOn: '2026-11-20',
    };
    expect(
      (
        await invoke('createPurchase', {
          caller: desk.as.desk,
          body: { ...base, storeId: desk.otherStore.id },
        })
      ).status,
    ).toBe(403);
    const unknown = await invoke('createPurchase', {
      caller: desk.as.desk,
      body: { ...base, customerId: '01M8CFFT6Y7X6KEP96DAQR4VCV' },
    });
    expect(unknown.status).toBe(422);
    expect(badFields(unknown)).toEqual(['body.customerId']);
    const early = await invoke('createPurchase', {
      caller: desk.as.desk,
      body: { ...base, deliveredOn: '2026-11-19' },
    });
    expect(early.status).toBe(422);
    expect(problem(early).code).toBe('delivered_before_purchase');
  });

  it('createPurchase: names its merchant only from the store’s merchants; another store’s or tenant’s or an unknown merchant is 422 naming merchantId, with nothing written', async () => {
    const customer = (
      await invoke<Customer>('createCustomer', { caller: desk.as.desk, body: { phone: '13700000005' } })
    ).body;
    const admit = async (caller: typeof desk.admin, storeId: string) =>
      (
        await invoke<{ id: string }>('createMerchant', {
          caller,
          body: {
            storeId,
            name: `灯饰 ${storeId.slice(-4)}`,
            licenceNumber: `91310000${storeId.slice(-8)}`,
            contact: { name: '赵经理', phone: '13800001111' },
            categories: ['lighting'],
            contractStart: '2026-01-01',
            contractEnd: '2027-12-31',
            depositRequired: 500_000,
          },
        })
      ).body.id;
    const ours = await admit(desk.admin, desk.store.id);
    const otherStores = await admit(desk.admin, desk.otherStore.id);
    const stranger = await deskFixture('customers-stranger');
    const otherTenants = await admit(stranger.admin, stranger.store.id);
    const body = {
      customerId: customer.id,
      storeId: desk.store.id,
      items: [{ name: '吊灯', category: 'lighting', amount: 88_800, warrantyMonths: 12 }],
      purchasedOn: '2026-11-20',
    };
    for (const merchantId of [otherStores, otherTenants, '01M8CFFT6Y7X6KEP96DAQR4VCV']) {
      const refused = await invoke('createPurchase', { caller: desk.as.desk, body: { ...body, merchantId } });
      expect([refused.status, badFields(refused)]).toEqual([422, ['body.merchantId']]);
    }
    const none = await invoke<Page<Purchase>>('listCustomerPurchases', {
      caller: desk.as.desk,
      params: { customerId: customer.id },
    });
    expect(none.body.items).toEqual([]);
    const sold = await invoke<Purchase>('createPurchase', {
      caller: desk.as.desk,
      body: { ...body, merchantId: ours },
    });
    expect([sold.status, sold.body.merchantId]).toEqual([201, ours]);
    const listed = await invoke<Page<Purchase>>('listCustomerPurchases', {
      caller: desk.as.desk,
      params: { customerId: customer.id },
    });
    expect(listed.body.items.map((purchase) => purchase.merchantId)).toEqual([ours]);
  });

  it('createCustomer, createPurchase, findCustomers: name every bad field on customer and purchase input, and write nothing', async () => {
    const quiet = admin(freshTenant('customers'));
    const customer = await invoke('createCustomer', {
      caller: quiet,
      body: { name: '', phone: 'abc', vip: true },
    });
    expect(customer.status).toBe(400);
    expect(badFields(customer)).toEqual(['body.name', 'body.phone', 'body.vip']);
    const purchase = await invoke('createPurchase', {
      caller: quiet,
      body: {
        customerId: 'x',
        storeId: desk.store.id,
        currency: 'BTC',
        items: [{ name: 'x', category: 'y', amount: -1, quantity: 0, warrantyMonths: 1.5 }],
        purchasedOn: '2026-02-30',
      },
    });
    expect(purchase.status).toBe(400);
    expect(badFields(purchase)).toEqual([
      'body.currency',
      'body.customerId',
      'body.items.0.amount',
      'body.items.0.quantity',
      'body.items.0.warrantyMonths',
      'body.purchasedOn',
    ]);
    const emptyItems = await invoke('createPurchase', {
      caller: quiet,
      body: { customerId: desk.store.id, storeId: desk.store.id, items: [], purchasedOn: '2026-11-20' },
    });
    expect(badFields(emptyItems)).toEqual(['body.items']);
    expect((await invoke('findCustomers', { caller: quiet, query: {} })).status).toBe(400);
    expect(await itemsOfTenant(quiet.tenantId)).toEqual([]);
  });

  it('createCustomer: replays a retried registration instead of registering twice', async () => {
    const key = `reg-${Date.now()}`;
    const body = { phone: '13700000004', name: '李先生' };
    const call = () =>
      invoke<Customer>('createCustomer', { caller: desk.as.desk, body, headers: { 'idempotency-key': key } });
    const [a, b] = await Promise.all([call(), call()]);
    const c = await call();
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    expect(c.headers['idempotent-replayed']).toBe('true');
  });
});
