import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../shared/db/cursor';
import type { Store } from '../../shared/stores/views';
import type { Ticket } from '../../shared/tickets/views';
import { admin, badFields, type Caller, freshTenant, invoke, problem } from '../kit/invoke';
import { itemsOfTenant } from '../kit/table';

const complaint = (storeId: string, overrides: Record<string, unknown> = {}) => ({
  storeId,
  type: 'complaint',
  channel: 'walk_in',
  subject: '沙发送货后发现划痕',
  description: '客户要求上门查看',
  contact: { name: '王女士', phone: '138 0013 8000' },
  ...overrides,
});

describe('createTicket, getTicket, listTickets', () => {
  let tenant: string;
  let store: Store;
  let otherStore: Store;
  let clerk: Caller;

  beforeAll(async () => {
    tenant = freshTenant('tickets');
    store = (
      await invoke<Store>('createStore', { caller: admin(tenant), body: { code: 'SH01', name: '上海店' } })
    ).body;
    otherStore = (
      await invoke<Store>('createStore', { caller: admin(tenant), body: { code: 'SH02', name: '浦东店' } })
    ).body;
    clerk = { tenantId: tenant, userId: 'clerk-1', roles: ['front_desk'], storeIds: [store.id] };
  });

  it('createTicket: opens a ticket as new, unassigned, version 1, with its creation in the timeline', async () => {
    const created = await invoke<Ticket>('createTicket', { caller: clerk, body: complaint(store.id) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      storeId: store.id,
      type: 'complaint',
      channel: 'walk_in',
      priority: 'normal',
      status: 'new',
      assigneeId: null,
      createdBy: 'clerk-1',
      version: 1,
    });
    expect(created.headers.location).toBe(`/v1/tickets/${created.body.id}`);

    const items = await itemsOfTenant(tenant);
    const events = items.filter(
      (item) => item.entity === 'ticket_event' && item.ticketId === created.body.id,
    );
    expect(events).toEqual([
      expect.objectContaining({ kind: 'created', actorId: 'clerk-1', at: created.body.createdAt }),
    ]);

    const read = await invoke<Ticket>('getTicket', { caller: clerk, params: { ticketId: created.body.id } });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('createTicket: names every bad field of a ticket and writes nothing', async () => {
    const quiet = freshTenant('tickets');
    const result = await invoke('createTicket', {
      caller: admin(quiet),
      body: {
        storeId: 'not-an-id',
        type: 'praise',
        channel: 'pigeon',
        priority: 'asap',
        subject: ' ',
        contact: { phone: 'x' },
      },
    });
    expect(result.status).toBe(400);
    expect(badFields(result)).toEqual([
      'body.channel',
      'body.contact.phone',
      'body.priority',
      'body.storeId',
      'body.subject',
      'body.type',
    ]);
    expect(await itemsOfTenant(quiet)).toEqual([]);
  });

  it('createTicket: refuses malformed bodies with 4xx problems, never 5xx', async () => {
    const notJson = await invoke('createTicket', { caller: clerk, rawBody: '{"storeId":' });
    expect(notJson.status).toBe(400);
    expect(problem(notJson).code).toBe('invalid_json');

    const wrongType = await invoke('createTicket', {
      caller: clerk,
      rawBody: 'storeId=1',
      contentType: 'text/plain',
    });
    expect(wrongType.status).toBe(415);

    const empty = await invoke('createTicket', { caller: clerk, rawBody: '' });
    expect(empty.status).toBe(400);
    expect(problem(empty).code).toBe('body_required');

    const huge = await invoke('createTicket', {
      caller: clerk,
      body: complaint(store.id, { description: 'x'.repeat(70 * 1024) }),
    });
    expect(huge.status).toBe(413);

    const array = await invoke('createTicket', { caller: clerk, body: [complaint(store.id)] });
    expect(array.status).toBe(400);
    expect(badFields(array)).toEqual(['body.']);
  });

  it('getTicket, listTickets: keep staff to their own stores and tenants to their own tickets', async () => {
    const outside = await invoke('createTicket', { caller: clerk, body: complaint(otherStore.id) });
    expect(outside.status).toBe(403);
    expect(problem(outside).code).toBe('store_out_of_scope');

    const ticket = (
      await invoke<Ticket>('createTicket', { caller: admin(tenant), body: complaint(otherStore.id) })
    ).body;
    const peek = await invoke('getTicket', { caller: clerk, params: { ticketId: ticket.id } });
    expect(peek.status).toBe(403);

    const stranger = admin(freshTenant('tickets'));
    const foreign = await invoke('getTicket', { caller: stranger, params: { ticketId: ticket.id } });
    expect(foreign.status).toBe(404);
    expect(problem(foreign).code).toBe('ticket_not_found');

    // Naming another tenant's store does not create anything there or here.
    const crossTenant = await invoke('createTicket', { caller: stranger, body: complaint(store.id) });
    expect(crossTenant.status).toBe(422);
    expect(problem(crossTenant).code).toBe('store_not_found');
    expect(await itemsOfTenant(stranger.tenantId)).toEqual([]);

    const foreignList = await invoke<Page<Ticket>>('listTickets', {
      caller: stranger,
      query: { storeId: store.id },
    });
    expect(foreignList.body.items).toEqual([]);
  });

  it('listTickets: lists a store’s queue by status, newest or oldest first, page by page', async () => {
    const queueTenant = freshTenant('tickets');
    const queueStore = (
      await invoke<Store>('createStore', { caller: admin(queueTenant), body: { code: 'Q1', name: 'queue' } })
    ).body;
    const desk: Caller = {
      tenantId: queueTenant,
      userId: 'd',
      roles: ['front_desk'],
      storeIds: [queueStore.id],
    };
    const subjects = ['第一', '第二', '第三', '第四', '第五'];
    const ids: string[] = [];
    for (const subject of subjects) {
      ids.push(
        (await invoke<Ticket>('createTicket', { caller: desk, body: complaint(queueStore.id, { subject }) }))
          .body.id,
      );
    }

    const newest = await invoke<Page<Ticket>>('listTickets', {
      caller: desk,
      query: { status: 'new', limit: '2' },
    });
    expect(newest.status).toBe(200);
    expect(newest.body.items.map((t) => t.subject)).toEqual(['第五', '第四']);

    const rest: Ticket[] = [];
    let cursor = newest.body.cursor;
    while (cursor) {
      const page = await invoke<Page<Ticket>>('listTickets', {
        caller: desk,
        query: { status: 'new', limit: '2', cursor },
      });
      rest.push(...page.body.items);
      cursor = page.body.cursor;
    }
    expect(rest.map((t) => t.subject)).toEqual(['第三', '第二', '第一']);

    const oldest = await invoke<Page<Ticket>>('listTickets', {
      caller: desk,
      query: { storeId: queueStore.id, order: 'oldest', limit: '10' },
    });
    expect(oldest.body.items.map((t) => t.id)).toEqual(ids);

    const resolved = await invoke<Page<Ticket>>('listTickets', {
      caller: desk,
      query: { status: 'resolved' },
    });
    expect(resolved.body).toEqual({ items: [], cursor: null });
  });

  it('listTickets: refuses a cursor from another store’s or status’s list', async () => {
    for (let i = 0; i < 3; i++)
      await invoke('createTicket', { caller: admin(tenant), body: complaint(store.id) });
    const page = await invoke<Page<Ticket>>('listTickets', {
      caller: admin(tenant),
      query: { storeId: store.id, limit: '1' },
    });
    const cursor = page.body.cursor ?? '';
    expect(cursor).not.toBe('');

    const otherStoreReplay = await invoke('listTickets', {
      caller: admin(tenant),
      query: { storeId: otherStore.id, cursor },
    });
    expect(otherStoreReplay.status).toBe(400);
    expect(badFields(otherStoreReplay)).toEqual(['query.cursor']);

    const otherViewReplay = await invoke('listTickets', {
      caller: admin(tenant),
      query: { storeId: store.id, status: 'new', cursor },
    });
    expect(otherViewReplay.status).toBe(400);

    const forged = Buffer.from(JSON.stringify({ pk: 'T#other', sk: 'TICKET' })).toString('base64url');
    const forgedReplay = await invoke('listTickets', {
      caller: admin(tenant),
      query: { storeId: store.id, cursor: forged },
    });
    expect(forgedReplay.status).toBe(400);
  });

  it('listTickets: asks for a store when the caller works in several, and checks list parameters', async () => {
    const roaming: Caller = {
      tenantId: tenant,
      userId: 'r',
      roles: ['supervisor'],
      storeIds: [store.id, otherStore.id],
    };
    const missing = await invoke('listTickets', { caller: roaming });
    expect(missing.status).toBe(400);
    expect(badFields(missing)).toEqual(['query.storeId']);

    const bad = await invoke('listTickets', {
      caller: roaming,
      query: { storeId: store.id, status: 'open', order: 'random', limit: '1000' },
    });
    expect(bad.status).toBe(400);
    expect(badFields(bad)).toEqual(['query.limit', 'query.order', 'query.status']);
  });
});
