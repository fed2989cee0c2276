import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startTimerRuntime, type TimerRuntime } from '../../infra/local/timer-runtime';
import type { Customer } from '../../shared/customers/views';
import type { Page } from '../../shared/db/cursor';
import type { Revisit } from '../../shared/revisits/views';
import type { Ticket } from '../../shared/tickets/views';
import { setClockOffset } from '../../shared/time/clock';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { admin, badFields, freshTenant, invoke, problem } from '../kit/invoke';
import { itemsOfTenant } from '../kit/table';

const repoRoot = new URL('../..', import.meta.url).pathname;
const setClock = (at: string) => setClockOffset(Date.parse(at) - Date.now());
let timers: TimerRuntime;
let desk: DeskFixture;
let customer: Customer;

beforeAll(async () => {
  timers = await startTimerRuntime({ repoRoot, intervals: false });
  desk = await deskFixture('revisits');
  customer = (
    await invoke<Customer>('createCustomer', {
      caller: desk.as.desk,
      body: { phone: '13600000001', name: '吴先生' },
    })
  ).body;
});
afterAll(() => timers.stop());
afterEach(() => setClockOffset(0));

describe('revisits', () => {
  it('transitionTicket → getRevisit: schedules a post-service revisit when a customer’s repair is resolved, once', async () => {
    setClock('2026-12-02T15:00:00+08:00'); // a Wednesday; the store runs 7×24 by default
    const ticket = (
      await invoke<Ticket>('createTicket', {
        caller: desk.as.desk,
        body: {
          storeId: desk.store.id,
          type: 'repair',
          channel: 'phone',
          subject: '空调不制热',
          customerId: customer.id,
        },
      })
    ).body;
    await invoke('assignTicket', {
      caller: desk.as.desk,
      params: { ticketId: ticket.id },
      body: { assigneeId: desk.staff.tech.id },
    });
    await invoke('transitionTicket', {
      caller: desk.as.tech,
      params: { ticketId: ticket.id },
      body: { to: 'in_progress' },
    });
    const resolved = await invoke<Ticket>('transitionTicket', {
      caller: desk.as.tech,
      params: { ticketId: ticket.id },
      body: { to: 'resolved', resolution: '补充冷媒' },
    });
    const revisitId = resolved.body.postServiceRevisitId ?? '';
    const revisit = (await invoke<Revisit>('getRevisit', { caller: desk.as.desk, params: { revisitId } }))
      .body;
    expect(revisit).toMatchObject({
      kind: 'post_service',
      ticketId: ticket.id,
      status: 'scheduled',
      customerId: customer.id,
    });
    expect(revisit.dueAt).toBe(new Date('2026-12-07T00:00:00+08:00').toISOString()); // 5th working day, 7×24

    // Reopened and resolved again: still the one revisit.
    await invoke('transitionTicket', {
      caller: desk.as.desk,
      params: { ticketId: ticket.id },
      body: { to: 'in_progress', reason: '仍不制热' },
    });
    const again = await invoke<Ticket>('transitionTicket', {
      caller: desk.as.tech,
      params: { ticketId: ticket.id },
      body: { to: 'resolved', resolution: '更换四通阀' },
    });
    expect(again.body.postServiceRevisitId).toBe(revisitId);
    const all = (await itemsOfTenant(desk.tenant)).filter(
      (item) => item.entity === 'revisit' && item.ticketId === ticket.id,
    );
    expect(all).toHaveLength(1);
  });

  it('createRevisit, fireRevisitTimer: makes a revisit due once however often its timer message is delivered', async () => {
    setClock('2026-12-01T10:00:00+08:00');
    const booked = await invoke<Revisit>('createRevisit', {
      caller: desk.as.desk,
      body: {
        customerId: customer.id,
        storeId: desk.store.id,
        dueAt: '2026-12-01T10:05:00+08:00',
        purpose: 'home_visit',
      },
    });
    expect(booked.body.status).toBe('scheduled');
    setClock('2026-12-01T10:06:00+08:00');
    await timers.sweep();
    const mine = timers.queues.peek('revisit').filter((body) => body.includes(booked.body.id));
    expect(mine).toHaveLength(1);
    timers.queues.sendRaw('revisit', mine[0] ?? '');
    timers.queues.sendRaw('revisit', mine[0] ?? '');
    await timers.queues.drain();
    const revisit = (
      await invoke<Revisit>('getRevisit', { caller: desk.as.desk, params: { revisitId: booked.body.id } })
    ).body;
    expect(revisit.status).toBe('due');
    expect(revisit.history.filter((entry) => entry.what === 'due')).toHaveLength(1);
    expect(revisit.version).toBe(2);
  });

  it('getRevisit, assignRevisit, recordRevisitAttempt, listRevisits, listCustomerRevisits, closePurchase: keep revisits to their tenant (404) and stores (403)', async () => {
    const revisit = (
      await invoke<Revisit>('createRevisit', {
        caller: desk.as.desk,
        body: { customerId: customer.id, storeId: desk.store.id, dueAt: '2026-12-20T10:00:00+08:00' },
      })
    ).body;
    const stranger = admin(freshTenant('revisits'));
    const id = { revisitId: revisit.id };
    const foreign = await Promise.all([
      invoke('getRevisit', { caller: stranger, params: id }),
      invoke('assignRevisit', { caller: stranger, params: id, body: { assigneeId: desk.staff.desk.id } }),
      invoke('recordRevisitAttempt', { caller: stranger, params: id, body: { outcome: 'reached' } }),
      invoke('listCustomerRevisits', { caller: stranger, params: { customerId: customer.id } }),
    ]);
    expect(foreign.map((result) => result.status)).toEqual([404, 404, 404, 404]);
    const strangerQueue = await invoke<Page<Revisit>>('listRevisits', {
      caller: stranger,
      query: { storeId: desk.store.id },
    });
    expect(strangerQueue.body.items).toEqual([]);
    const outsider = desk.as.elsewhere;
    const scoped = await Promise.all([
      invoke('getRevisit', { caller: outsider, params: id }),
      invoke('recordRevisitAttempt', { caller: outsider, params: id, body: { outcome: 'reached' } }),
      invoke('listRevisits', { caller: outsider, query: { storeId: desk.store.id } }),
      invoke('createRevisit', {
        caller: outsider,
        body: { customerId: customer.id, storeId: desk.store.id, dueAt: '2026-12-20T10:00:00+08:00' },
      }),
    ]);
    expect(scoped.map((result) => result.status)).toEqual([403, 403, 403, 403]);
    const outsiderHistory = await invoke<Page<Revisit>>('listCustomerRevisits', {
      caller: outsider,
      params: { customerId: customer.id },
    });
    expect(outsiderHistory.body.items.every((item) => item.storeId !== desk.store.id)).toBe(true);
    const foreignPurchase = await invoke('closePurchase', {
      caller: stranger,
      params: { customerId: customer.id, purchaseId: revisit.id },
      body: { status: 'returned', reason: 'x' },
    });
    expect(foreignPurchase.status).toBe(404);
  });

  it('createRevisit, recordRevisitAttempt, listRevisits, putRevisitRules, closePurchase, assignRevisit: name every bad field and write nothing', async () => {
    const quiet = admin(freshTenant('revisits'));
    const cases: [Promise<{ status: number }>, string[]][] = [
      [
        invoke('createRevisit', {
          caller: quiet,
          body: { customerId: 'x', storeId: desk.store.id, dueAt: 'soon', purpose: 'party', extra: 1 },
        }),
        ['body.customerId', 'body.dueAt', 'body.extra', 'body.purpose'],
      ],
      [
        invoke('recordRevisitAttempt', {
          caller: quiet,
          params: { revisitId: 'nope' },
          body: { outcome: 'maybe', satisfaction: 9 },
        }),
        ['body.outcome', 'body.satisfaction', 'path.revisitId'],
      ],
      [
        invoke('recordRevisitAttempt', {
          caller: quiet,
          params: { revisitId: customer.id },
          body: { outcome: 'unreachable', satisfaction: 3 },
        }),
        ['body.satisfaction'],
      ],
      [
        invoke('listRevisits', { caller: quiet, query: { status: 'late', limit: '0' } }),
        ['query.limit', 'query.status'],
      ],
      [
        invoke('putRevisitRules', {
          caller: quiet,
          body: { postSale: { daysAfterDelivery: -1 }, periodic: { everyMonths: 0 } },
        }),
        ['body.periodic.everyMonths', 'body.postSale.daysAfterDelivery'],
      ],
      [
        invoke('closePurchase', {
          caller: quiet,
          params: { customerId: customer.id, purchaseId: 'x' },
          body: { status: 'lost' },
        }),
        ['body.reason', 'body.status', 'path.purchaseId'],
      ],
      [
        invoke('assignRevisit', { caller: quiet, params: { revisitId: customer.id }, body: {} }),
        ['body.assigneeId'],
      ],
    ];
    for (const [call, fields] of cases) {
      const result = await call;
      expect(result.status, fields.join()).toBe(400);
      expect(badFields(result as Parameters<typeof badFields>[0])).toEqual(fields);
    }
    const unparsable = await invoke('createRevisit', {
      caller: quiet,
      body: { customerId: customer.id, storeId: desk.store.id, dueAt: 'soon' },
    });
    expect(unparsable.status).toBe(400);
    expect(badFields(unparsable)).toEqual(['body.dueAt']);
    expect(await itemsOfTenant(quiet.tenantId)).toEqual([]);
    const unknownCustomer = await invoke('createRevisit', {
      caller: desk.as.desk,
      body: { customerId: desk.store.id, storeId: desk.store.id, dueAt: '2026-12-20T10:00:00+08:00' },
    });
    expect(unknownCustomer.status).toBe(422);
    expect(problem(unknownCustomer).code).toBe('customer_not_found');
  });

  it('createRevisit: takes only real times for dueAt: no impossible day, bare number, far future or missing offset', async () => {
    const quiet = await deskFixture('revisit-times');
    const someone = (
      await invoke<Customer>('createCustomer', { caller: quiet.as.desk, body: { phone: '13600000009' } })
    ).body;
    const before = (await itemsOfTenant(quiet.tenant)).length;
    for (const dueAt of [
      '2026-02-30',
      '2026-02-30T10:00:00+08:00',
      '0',
      '+275760-09-13T00:00:00.000Z',
      '2026-12-20T10:00:00',
      '2026-12-20T24:00:00+08:00',
      '2101-01-01T00:00:00Z',
    ]) {
      const refused = await invoke('createRevisit', {
        caller: quiet.as.desk,
        body: { customerId: someone.id, storeId: quiet.store.id, dueAt },
      });
      expect(refused.status, dueAt).toBe(400);
      expect(badFields(refused), dueAt).toEqual(['body.dueAt']);
    }
    expect(await itemsOfTenant(quiet.tenant)).toHaveLength(before);
    const leapDay = await invoke<Revisit>('createRevisit', {
      caller: quiet.as.desk,
      body: { customerId: someone.id, storeId: quiet.store.id, dueAt: '2028-02-29T10:00:00+08:00' },
    });
    expect(leapDay.status).toBe(201);
    expect(leapDay.body.dueAt).toBe('2028-02-29T02:00:00.000Z');
  });

  it('createRevisit: links only a ticket and purchase that exist in the caller’s tenant and stores, of this customer (422 naming the field)', async () => {
    const linked = await deskFixture('revisit-links');
    const [someone, someoneElse] = (await Promise.all(
      ['13600000011', '13600000012'].map(
        async (phone) =>
          (
            await invoke<Customer>('createCustomer', { caller: linked.admin, body: { phone } })
          ).body,
      ),
    )) as [Customer, Customer];
    const ticketIn = async (storeId: string, customerId: string) => {
      const created = await invoke<Ticket>('createTicket', {
        caller: linked.admin,
        body: { storeId, type: 'repair', channel: 'phone', subject: '洗衣机漏水', customerId },
      });
      expect(created.status).toBe(201);
      return created.body.id;
    };
    const purchaseIn = async (storeId: string) => {
      const created = await invoke<{ id: string }>('createPurchase', {
        caller: linked.admin,
        body: {
          customerId: someone.id,
          storeId,
          purchasedOn: '2026-11-01',
          items: [{ name: '洗衣机', category: '家电', amount: 299900 }],
        },
      });
      expect(created.status).toBe(201);
      return created.body.id;
    };
    const ownTicket = await ticketIn(linked.store.id, someone.id);
    const otherStoreTicket = await ticketIn(linked.otherStore.id, someone.id);
    const otherCustomerTicket = await ticketIn(linked.store.id, someoneElse.id);
    const ownPurchase = await purchaseIn(linked.store.id);
    const otherStorePurchase = await purchaseIn(linked.otherStore.id);
    // Another tenant's ticket: a real id, just not this tenant's.
    const foreignDesk = await deskFixture('revisit-links-foreign');
    const foreignCustomer = (
      await invoke<Customer>('createCustomer', { caller: foreignDesk.admin, body: { phone: '13600000011' } })
    ).body;
    const foreignTicket = (
      await invoke<Ticket>('createTicket', {
        caller: foreignDesk.admin,
        body: {
          storeId: foreignDesk.store.id,
          type: 'repair',
          channel: 'phone',
          subject: '洗衣机漏水',
          customerId: foreignCustomer.id,
        },
      })
    ).body.id;

    const book = (link: Record<string, string>) =>
      invoke<Revisit>('createRevisit', {
        caller: linked.as.desk,
        body: {
          customerId: someone.id,
          storeId: linked.store.id,
          dueAt: '2026-12-20T10:00:00+08:00',
          ...link,
        },
      });
    const revisitsStored = async () =>
      (await itemsOfTenant(linked.tenant)).filter((item) => item.entity === 'revisit').length;
    const before = await revisitsStored();
    for (const [what, link, field] of [
      ['no such ticket', { ticketId: '01JDQ00000000000000000000T' }, 'ticketId'],
      ['another tenant’s ticket', { ticketId: foreignTicket }, 'ticketId'],
      ['a ticket of a store outside the caller’s scope', { ticketId: otherStoreTicket }, 'ticketId'],
      ['another customer’s ticket', { ticketId: otherCustomerTicket }, 'ticketId'],
      ['a purchase of a store outside the caller’s scope', { purchaseId: otherStorePurchase }, 'purchaseId'],
      ['no such purchase', { purchaseId: '01JDQ00000000000000000000P' }, 'purchaseId'],
    ] as const) {
      const refused = await book(link);
      expect(refused.status, what).toBe(422);
      expect(badFields(refused), what).toEqual([`body.${field}`]);
    }
    expect(await revisitsStored()).toBe(before);

    const booked = await book({ ticketId: ownTicket, purchaseId: ownPurchase });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ ticketId: ownTicket, purchaseId: ownPurchase });
  });
});
