import { beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/customers/views';
import type { Page } from '../../shared/db/cursor';
import type { Revisit } from '../../shared/revisits/views';
import type { Ticket } from '../../shared/tickets/views';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { badFields, type InvocationResult, invoke } from '../kit/invoke';

/**
 * A cursor is bound to its exact query: reused with other filters, emptied or edited, it is a
 * 400 naming `cursor`, never a DynamoDB ValidationException (500).
 */
let desk: DeskFixture;
let customer: Customer;
let otherCustomer: Customer;

/** The cursor as a client could rewrite it: same digest, edited start key. */
function edited(cursor: string, edit: (key: Record<string, string>) => void): string {
  const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
    q: string;
    k: Record<string, string>;
  };
  edit(decoded.k);
  return Buffer.from(JSON.stringify(decoded)).toString('base64url');
}

function expectRefusedCursor(result: InvocationResult<unknown>, what: string) {
  expect(result.status, what).toBe(400);
  expect(badFields(result), what).toEqual(['query.cursor']);
}

beforeAll(async () => {
  desk = await deskFixture('cursors');
  const customers = await Promise.all(
    ['13700000001', '13700000002'].map((phone) =>
      invoke<Customer>('createCustomer', { caller: desk.as.desk, body: { phone } }),
    ),
  );
  [customer, otherCustomer] = customers.map((result) => result.body) as [Customer, Customer];
  for (let i = 0; i < 3; i++) {
    const created = await invoke('createTicket', {
      caller: desk.as.desk,
      body: {
        storeId: desk.store.id,
        type: 'complaint',
        channel: 'walk_in',
        subject: `送货延误 ${i}`,
        customerId: customer.id,
      },
    });
    expect(created.status).toBe(201);
  }
  for (const [who, day] of [
    [customer, 10],
    [customer, 11],
    [customer, 12],
    [otherCustomer, 13],
  ] as const) {
    const booked = await invoke('createRevisit', {
      caller: desk.as.desk,
      body: { customerId: who.id, storeId: desk.store.id, dueAt: `2026-12-${day}T10:00:00+08:00` },
    });
    expect(booked.status).toBe(201);
  }
});

describe('ticket list cursors', () => {
  const list = (query: Record<string, string>) =>
    invoke<Page<Ticket>>('listTickets', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id, ...query },
    });

  it('carry on the very same query, with or without a time range', async () => {
    const first = await list({ limit: '1' });
    const second = await list({ limit: '1', cursor: first.body.cursor ?? '' });
    expect(second.status).toBe(200);
    expect(second.body.items[0]?.id).not.toBe(first.body.items[0]?.id);

    const range = {
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 3_600_000).toISOString(),
    };
    const ranged = await list({ limit: '1', ...range });
    expect(ranged.body.cursor).not.toBeNull();
    const rangedNext = await list({ limit: '1', ...range, cursor: ranged.body.cursor ?? '' });
    expect(rangedNext.status).toBe(200);
    expect(rangedNext.body.items).toHaveLength(1);
  });

  it('are refused with other filters, another order, another status or an emptied key', async () => {
    const plain = (await list({ limit: '1' })).body.cursor ?? '';
    const range = { from: '2026-01-01T00:00:00+08:00', to: '2100-01-01T00:00:00Z' };
    expectRefusedCursor(await list({ cursor: plain, ...range }), 'from/to added');
    expectRefusedCursor(await list({ cursor: plain, from: range.from }), 'from added');
    expectRefusedCursor(await list({ cursor: plain, order: 'oldest' }), 'order changed');

    const ranged = (await list({ limit: '1', ...range })).body.cursor ?? '';
    expect(ranged).not.toBe('');
    expectRefusedCursor(await list({ cursor: ranged }), 'range dropped');
    expectRefusedCursor(await list({ cursor: ranged, ...range, to: '2099-01-01T00:00:00Z' }), 'range moved');

    const newOnes = (await list({ limit: '1', status: 'new' })).body.cursor ?? '';
    expect(newOnes).not.toBe('');
    expectRefusedCursor(await list({ cursor: newOnes, status: 'assigned' }), 'other status');

    for (const attribute of ['pk', 'sk', 'stpk', 'stsk']) {
      const emptied = edited(plain, (key) => {
        key[attribute] = '';
      });
      expectRefusedCursor(await list({ cursor: emptied }), `${attribute} emptied`);
    }
    const outside = edited(ranged, (key) => {
      key.stsk = '7ZZZZZZZZZZZZZZZZZZZZZZZZZ';
    });
    expectRefusedCursor(await list({ cursor: outside, ...range }), 'key outside the range');
    const truncated = plain.slice(0, -3);
    expectRefusedCursor(await list({ cursor: truncated }), 'truncated');
  });
});

describe('revisit list cursors', () => {
  it('listRevisits: the store queue refuses another status, another store, an emptied key', async () => {
    const queue = (query: Record<string, string>) =>
      invoke<Page<Revisit>>('listRevisits', {
        caller: desk.admin,
        query: { storeId: desk.store.id, status: 'scheduled', ...query },
      });
    const first = await queue({ limit: '1' });
    const cursor = first.body.cursor ?? '';
    expect(cursor).not.toBe('');
    const next = await queue({ limit: '1', cursor });
    expect(next.status).toBe(200);
    expect(next.body.items[0]?.id).not.toBe(first.body.items[0]?.id);

    expectRefusedCursor(await queue({ cursor, status: 'due' }), 'other status');
    expectRefusedCursor(await queue({ cursor, storeId: desk.otherStore.id }), 'other store');
    for (const attribute of ['sspk', 'sssk', 'pk']) {
      const emptied = edited(cursor, (key) => {
        key[attribute] = '';
      });
      expectRefusedCursor(await queue({ cursor: emptied }), `${attribute} emptied`);
    }
  });

  it('listCustomerRevisits: a customer’s history refuses another customer’s, the store queue’s, or an emptied key', async () => {
    const history = (customerId: string, query: Record<string, string>) =>
      invoke<Page<Revisit>>('listCustomerRevisits', { caller: desk.as.desk, params: { customerId }, query });
    const first = await history(customer.id, { limit: '1' });
    const cursor = first.body.cursor ?? '';
    expect(cursor).not.toBe('');
    expect((await history(customer.id, { limit: '1', cursor })).status).toBe(200);

    expectRefusedCursor(await history(otherCustomer.id, { cursor }), 'other customer');
    const queueCursor =
      (
        await invoke<Page<Revisit>>('listRevisits', {
          caller: desk.as.desk,
          query: { status: 'scheduled', limit: '1' },
        })
      ).body.cursor ?? '';
    expect(queueCursor).not.toBe('');
    expectRefusedCursor(await history(customer.id, { cursor: queueCursor }), 'store queue cursor');
    for (const attribute of ['cupk', 'cusk', 'sk']) {
      const emptied = edited(cursor, (key) => {
        key[attribute] = '';
      });
      expectRefusedCursor(await history(customer.id, { cursor: emptied }), `${attribute} emptied`);
    }
  });
});
