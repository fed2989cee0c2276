import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, Purchase } from '../../shared/customers/views';
import type { Page } from '../../shared/db/cursor';
import type { Notification } from '../../shared/notifications/inbox';
import type { StaffMember } from '../../shared/staff/views';
import type { Store } from '../../shared/stores/views';
import type { Ticket, TimelineEvent } from '../../shared/tickets/views';
import { setClockOffset } from '../../shared/time/clock';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { admin, badFields, type Caller, freshTenant, invoke, problem } from '../kit/invoke';
import { itemsOfTenant } from '../kit/table';
import { expectEveryNumberAccountedFor } from '../kit/ticket-register';

type Json = Record<string, unknown>;

const repair = (storeId: string, extra: Json = {}) => ({
  storeId,
  type: 'repair',
  channel: 'hotline',
  subject: '冰箱不制冷',
  ...extra,
});

async function open(caller: Caller, body: Json, headers?: Record<string, string>) {
  const result = await invoke<Ticket>('createTicket', { caller, body, ...(headers ? { headers } : {}) });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body;
}

const move = (caller: Caller, ticket: { id: string }, body: Json) =>
  invoke<Ticket>('transitionTicket', { caller, params: { ticketId: ticket.id }, body });

const timeline = async (caller: Caller, ticketId: string) =>
  (
    await invoke<Page<TimelineEvent>>('ticketTimeline', {
      caller,
      params: { ticketId },
      query: { limit: '100' },
    })
  ).body.items;

describe('ticket lifecycle: assignTicket, transitionTicket, commentOnTicket, updateTicket, ticketTimeline', () => {
  let desk: DeskFixture;
  beforeAll(async () => {
    desk = await deskFixture('lifecycle');
  });
  afterEach(() => setClockOffset(0));

  it('assignTicket, transitionTicket, commentOnTicket, ticketTimeline: walk register → dispatch → work → resolve → close, with every step on the timeline', async () => {
    const ticket = await open(desk.as.desk, repair(desk.store.id));
    expect(ticket.number).toMatch(/^SH01-\d{8}-\d{4}$/);

    const assigned = await invoke<Ticket>('assignTicket', {
      caller: desk.as.desk,
      params: { ticketId: ticket.id },
      body: { assigneeId: desk.staff.tech.id, note: '上门检修' },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', assigneeId: desk.staff.tech.id, version: 2 });

    expect((await move(desk.as.tech, ticket, { to: 'in_progress' })).body.status).toBe('in_progress');
    expect(
      (await move(desk.as.tech, ticket, { to: 'pending_third_party', reason: '等厂家配件' })).status,
    ).toBe(200);
    expect((await move(desk.as.tech, ticket, { to: 'in_progress' })).status).toBe(200);
    const comment = await invoke<TimelineEvent>('commentOnTicket', {
      caller: desk.as.tech,
      params: { ticketId: ticket.id },
      body: { body: '已更换压缩机，请客户确认', visibility: 'public' },
    });
    expect(comment.status).toBe(201);
    expect(comment.body).toMatchObject({ kind: 'comment', firstResponse: true });

    const unresolved = await move(desk.as.tech, ticket, { to: 'resolved' });
    expect(unresolved.status).toBe(400);
    expect(badFields(unresolved)).toEqual(['body.resolution']);
    const resolved = await move(desk.as.tech, ticket, { to: 'resolved', resolution: '更换压缩机，制冷恢复' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: '更换压缩机，制冷恢复' });
    expect(resolved.body.firstRespondedAt).toEqual(expect.any(String));
    const closed = await move(desk.as.desk, ticket, { to: 'closed' });
    expect(closed.body.status).toBe('closed');

    const history = await timeline(desk.as.supervisor, ticket.id);
    expect(
      history.map((event) => (event.kind === 'status_changed' ? `${event.from}→${event.to}` : event.kind)),
    ).toEqual([
      'created',
      'assigned',
      'assigned→in_progress',
      'in_progress→pending_third_party',
      'pending_third_party→in_progress',
      'comment',
      'in_progress→resolved',
      'resolved→closed',
    ]);
    expect(history.every((event) => event.actorId && event.at)).toBe(true);
    // The ticket's version counts exactly the changes that touched it.
    const final = await invoke<Ticket>('getTicket', {
      caller: desk.as.desk,
      params: { ticketId: ticket.id },
    });
    expect(final.body.version).toBe(8);

    // Paged oldest first.
    const page = await invoke<Page<TimelineEvent>>('ticketTimeline', {
      caller: desk.as.desk,
      params: { ticketId: ticket.id },
      query: { limit: '3' },
    });
    expect(page.body.items.map((event) => event.kind)).toEqual(['created', 'assigned', 'status_changed']);
    expect(page.body.cursor).toEqual(expect.any(String));

    const afterClose = await move(desk.as.supervisor, ticket, { to: 'in_progress', reason: 'x' });
    expect(afterClose.status).toBe(409);
    expect(problem(afterClose).code).toBe('illegal_transition');
    const lateComment = await invoke('commentOnTicket', {
      caller: desk.as.desk,
      params: { ticketId: ticket.id },
      body: { body: 'x', visibility: 'internal' },
    });
    expect(lateComment.status).toBe(409);
  });

  it('transitionTicket: refuses moves by roles the status machine does not allow, and writes nothing', async () => {
    const ticket = await open(desk.as.desk, repair(desk.store.id));
    await invoke('assignTicket', {
      caller: desk.as.desk,
      params: { ticketId: ticket.id },
      body: { assigneeId: desk.staff.tech.id },
    });
    const before = await timeline(desk.as.desk, ticket.id);

    const otherTech = await move(desk.as.tech2, ticket, { to: 'in_progress' });
    expect(otherTech.status).toBe(403);
    expect(problem(otherTech).code).toBe('transition_not_allowed');
    const techCancels = await move(desk.as.tech, ticket, { to: 'cancelled', reason: '客户取消' });
    expect(techCancels.status).toBe(403);
    const illegal = await move(desk.as.supervisor, ticket, { to: 'closed' });
    expect(illegal.status).toBe(409);
    expect(await timeline(desk.as.desk, ticket.id)).toEqual(before);

    const cancelled = await move(desk.as.supervisor, ticket, { to: 'cancelled', reason: '客户取消' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
  });

  it('transitionTicket: reopens a resolved ticket within the tenant’s window and refuses after it', async () => {
    const saved = await invoke('putSettings', { caller: desk.admin, body: { reopenWindowDays: 2 } });
    expect(saved.body).toMatchObject({ reopenWindowDays: 2, version: 1 });
    const ticket = await open(desk.as.desk, repair(desk.store.id));
    await invoke('assignTicket', {
      caller: desk.as.desk,
      params: { ticketId: ticket.id },
      body: { assigneeId: desk.staff.tech.id },
    });
    await move(desk.as.tech, ticket, { to: 'in_progress' });
    await move(desk.as.tech, ticket, { to: 'resolved', resolution: '已修复' });

    const noReason = await move(desk.as.desk, ticket, { to: 'in_progress' });
    expect(badFields(noReason)).toEqual(['body.reason']);
    const reopened = await move(desk.as.desk, ticket, { to: 'in_progress', reason: '客户反馈仍不制冷' });
    expect(reopened.body).toMatchObject({ status: 'in_progress', reopenCount: 1 });
    await move(desk.as.tech, ticket, { to: 'resolved', resolution: '再次检修' });

    setClockOffset(3 * 24 * 60 * 60_000);
    const late = await move(desk.as.desk, ticket, { to: 'in_progress', reason: '又坏了' });
    expect(late.status).toBe(422);
    expect(problem(late).code).toBe('reopen_window_passed');

    const stale = await invoke('putSettings', {
      caller: desk.admin,
      body: { reopenWindowDays: 5, version: 7 },
    });
    expect(stale.status).toBe(409);
  });

  it('updateTicket, assignTicket: refuse stale versions with 409 and writes nothing', async () => {
    const ticket = await open(desk.as.desk, repair(desk.store.id));
    const edited = await invoke<Ticket>('updateTicket', {
      caller: desk.as.desk,
      params: { ticketId: ticket.id },
      body: { version: 1, priority: 'urgent', description: '客户家有老人，尽快' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ priority: 'urgent', version: 2 });
    const stale = await invoke('updateTicket', {
      caller: desk.as.desk,
      params: { ticketId: ticket.id },
      body: { version: 1, priority: 'low' },
    });
    expect(stale.status).toBe(409);
    expect(problem(stale).code).toBe('version_conflict');
    const staleAssign = await invoke('assignTicket', {
      caller: desk.as.desk,
      params: { ticketId: ticket.id },
      body: { assigneeId: desk.staff.tech.id, version: 1 },
    });
    expect(staleAssign.status).toBe(409);
    const now = await invoke<Ticket>('getTicket', { caller: desk.as.desk, params: { ticketId: ticket.id } });
    expect(now.body).toEqual(edited.body);
    const history = await timeline(desk.as.desk, ticket.id);
    expect(history.map((event) => event.kind)).toEqual(['created', 'updated']);
    expect(history[1]).toMatchObject({
      changes: [
        { field: 'description', before: '', after: '客户家有老人，尽快' },
        { field: 'priority', before: 'normal', after: 'urgent' },
      ],
    });
  });

  it('assignTicket: checks who may be assigned, counts their open tickets, and tells them', async () => {
    const complaint = await open(desk.as.desk, { ...repair(desk.store.id), type: 'complaint' });
    const wrongRole = await invoke('assignTicket', {
      caller: desk.as.desk,
      params: { ticketId: complaint.id },
      body: { assigneeId: desk.staff.tech.id },
    });
    expect(wrongRole.status).toBe(422);
    expect(problem(wrongRole).code).toBe('assignee_cannot_take');
    const otherStore = await invoke('assignTicket', {
      caller: desk.as.desk,
      params: { ticketId: complaint.id },
      body: { assigneeId: desk.staff.elsewhere.id },
    });
    expect(otherStore.status).toBe(422);
    expect(badFields(otherStore)).toEqual(['body.assigneeId']);
    expect(
      (
        await invoke('assignTicket', {
          caller: desk.as.tech,
          params: { ticketId: complaint.id },
          body: { assigneeId: desk.staff.handler.id },
        })
      ).status,
    ).toBe(403);

    const fresh = await deskFixture('dispatch', 'GZ01');
    const ticket = await open(fresh.as.desk, repair(fresh.store.id));
    await invoke('assignTicket', {
      caller: fresh.as.desk,
      params: { ticketId: ticket.id },
      body: { assigneeId: fresh.staff.tech.id },
    });
    const reassigned = await invoke<Ticket>('assignTicket', {
      caller: fresh.as.supervisor,
      params: { ticketId: ticket.id },
      body: { assigneeId: fresh.staff.tech2.id },
    });
    expect(reassigned.body.assigneeId).toBe(fresh.staff.tech2.id);
    const workload = async () =>
      Object.fromEntries(
        (
          await invoke<Page<StaffMember & { openTickets: number }>>('listStaff', {
            caller: fresh.admin,
            query: { storeId: fresh.store.id },
          })
        ).body.items.map((member) => [member.name, member.openTickets]),
      );
    expect(await workload()).toMatchObject({ tech: 0, tech2: 1 });
    const reassignEvent = (await timeline(fresh.as.desk, ticket.id)).at(-1);
    expect(reassignEvent).toMatchObject({
      kind: 'assigned',
      from: fresh.staff.tech.id,
      to: fresh.staff.tech2.id,
      auto: false,
    });

    const inbox = await invoke<Page<Notification>>('listNotifications', { caller: fresh.as.tech2 });
    expect(inbox.body.items).toEqual([
      expect.objectContaining({ kind: 'ticket_assigned', ticketId: ticket.id, ticketNumber: ticket.number }),
    ]);
    const read = await invoke<Notification>('readNotification', {
      caller: fresh.as.tech2,
      params: { notificationId: inbox.body.items[0]?.id ?? '' },
    });
    expect(read.body.readAt).toEqual(expect.any(String));
    const unread = await invoke<Page<Notification>>('listNotifications', {
      caller: fresh.as.tech2,
      query: { unread: 'true' },
    });
    expect(unread.body.items).toEqual([]);
    const notMine = await invoke('readNotification', {
      caller: fresh.as.tech,
      params: { notificationId: inbox.body.items[0]?.id ?? '' },
    });
    expect(notMine.status).toBe(404);
    const noEntry = await invoke('listNotifications', { caller: fresh.admin });
    expect(problem(noEntry).code).toBe('not_in_directory');

    await move(fresh.as.tech2, ticket, { to: 'in_progress' });
    await move(fresh.as.tech2, ticket, { to: 'resolved', resolution: 'ok' });
    expect(await workload()).toMatchObject({ tech: 0, tech2: 0 });
  });

  it('createTicket: auto-dispatches to the eligible person with the fewest open tickets, round robin on ties', async () => {
    const fresh = await deskFixture('auto', 'HZ01');
    const store = (
      await invoke<Store>('getStore', { caller: fresh.admin, params: { storeId: fresh.store.id } })
    ).body;
    const patched = await invoke<Store>('updateStore', {
      caller: fresh.admin,
      params: { storeId: store.id },
      body: { version: store.version, autoDispatchTypes: ['repair'] },
    });
    expect(patched.body.autoDispatchTypes).toEqual(['repair']);
    const assignees: (string | null)[] = [];
    for (let i = 0; i < 4; i++)
      assignees.push((await open(fresh.as.desk, repair(fresh.store.id))).assigneeId);
    // Two technicians and a supervisor can take repairs: spread 4 tickets as 2/1/1 at most, none twice in a row.
    expect(new Set(assignees.slice(0, 3)).size).toBe(3);
    expect(assignees.every((id) => id !== null)).toBe(true);
    const inquiry = await open(fresh.as.desk, { ...repair(fresh.store.id), type: 'inquiry' });
    expect(inquiry).toMatchObject({ status: 'new', assigneeId: null });
    const first = await invoke<Page<TimelineEvent>>('ticketTimeline', {
      caller: fresh.as.desk,
      params: {
        ticketId:
          (
            await invoke<Page<Ticket>>('listTickets', {
              caller: fresh.as.desk,
              query: { order: 'oldest', limit: '1' },
            })
          ).body.items[0]?.id ?? '',
      },
    });
    expect(first.body.items[1]).toMatchObject({ kind: 'assigned', auto: true, actorId: 'auto-dispatch' });
  });

  it('createTicket: numbers tickets per store and local day without gaps or repeats under 50 parallel creates', async () => {
    const fresh = await deskFixture('numbers', 'NB01');
    const create = (i: number) =>
      invoke<Ticket>('createTicket', {
        caller: fresh.as.desk,
        body: repair(fresh.store.id, { subject: `并发 ${i}` }),
      });
    const first = await Promise.all(Array.from({ length: 50 }, (_, i) => create(i)));
    // A busy machine may answer a create 503 (nothing written, Retry-After); a client retries it.
    const refused = first.filter((result) => result.status !== 201);
    for (const result of refused) {
      expect(result.status).toBe(503);
      expect(result.headers['retry-after']).toBe('1');
      expect(['contention', 'deadline']).toContain(problem(result).code);
    }
    const retried = await Promise.all(refused.map((_, i) => create(50 + i)));
    expect(retried.map((result) => result.status)).toEqual(refused.map(() => 201));
    const created = [...first.filter((result) => result.status === 201), ...retried];

    const register = await expectEveryNumberAccountedFor(fresh.tenant, fresh.store);
    expect(new Set(created.map((result) => result.body.id))).toEqual(new Set(register.tickets.keys()));
    const sequences = created.map((result) => Number(result.body.number.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(50);
    const day = created[0]?.body.number.split('-')[1] as string;
    // Numbers only go void behind a refused create: without one they are exactly 1…50.
    const voided = register.days.get(day)?.voided ?? [];
    expect(voided.length).toBeLessThanOrEqual(refused.length);
    expect([...sequences, ...voided].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 + voided.length }, (_, i) => i + 1),
    );
    expect(created.every((result) => result.body.number.startsWith(`NB01-${day}-`))).toBe(true);
    // The other store counts on its own.
    expect((await open(fresh.admin, repair(fresh.otherStore.id))).number).toBe(`NB01X-${day}-0001`);
  });

  it('createTicket, commentOnTicket: replay retried creates: one ticket, one number, even for concurrent retries', async () => {
    const fresh = await deskFixture('idempotent', 'ID01');
    const key = 'create-0001';
    const body = repair(fresh.store.id);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        invoke<Ticket>('createTicket', { caller: fresh.as.desk, body, headers: { 'idempotency-key': key } }),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((result) => result.body.id)).size).toBe(1);
    const tickets = (await itemsOfTenant(fresh.tenant)).filter((item) => item.entity === 'ticket');
    expect(tickets).toHaveLength(1);
    // Twins that lost the race for the key left their reserved numbers void: one ticket, one number.
    const register = await expectEveryNumberAccountedFor(fresh.tenant, fresh.store);
    const [only] = [...register.days.values()];
    expect(only?.held).toEqual([Number(results[0]?.body.number.split('-')[2])]);
    expect(only?.voided.length).toBe((only?.reserved ?? 0) - 1);
    const later = await invoke<Ticket>('createTicket', {
      caller: fresh.as.desk,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(later.body.id).toBe(results[0]?.body.id);
    expect(later.headers['idempotent-replayed']).toBe('true');

    const reused = await invoke('createTicket', {
      caller: fresh.as.desk,
      body: { ...body, subject: '别的事' },
      headers: { 'idempotency-key': key },
    });
    expect(reused.status).toBe(422);
    expect(problem(reused).code).toBe('idempotency_key_reused');
    const otherUser = await invoke('createTicket', {
      caller: fresh.as.supervisor,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(otherUser.status).toBe(422);
    expect(problem(otherUser).code).toBe('idempotency_key_reused');
    const malformed = await invoke('createTicket', {
      caller: fresh.as.desk,
      body,
      headers: { 'idempotency-key': 'has spaces' },
    });
    expect(badFields(malformed)).toEqual(['header.idempotency-key']);

    const ticket = results[0]?.body as Ticket;
    const comment = () =>
      invoke<TimelineEvent>('commentOnTicket', {
        caller: fresh.as.desk,
        params: { ticketId: ticket.id },
        body: { body: '客户来电催促', visibility: 'internal' },
        headers: { 'idempotency-key': 'comment-1' },
      });
    const [c1, c2] = await Promise.all([comment(), comment()]);
    expect(c1.body.id).toBe(c2.body.id);
    expect(
      (await timeline(fresh.as.desk, ticket.id)).filter((event) => event.kind === 'comment'),
    ).toHaveLength(1);
  });

  it('createTicket: registers or links the customer with the ticket, and checks the purchase is theirs', async () => {
    const fresh = await deskFixture('linking', 'LK01');
    const first = await open(
      fresh.as.desk,
      repair(fresh.store.id, { customer: { phone: '139 0000 0001', name: '赵先生' } }),
    );
    expect(first.customerId).toEqual(expect.any(String));
    expect(first.contact).toEqual({ name: '赵先生', phone: '13900000001' });
    const again = await open(
      fresh.as.desk,
      repair(fresh.store.id, { customer: { phone: '+8613900000001' } }),
    );
    expect(again.customerId).toBe(first.customerId);
    const customers = (await itemsOfTenant(fresh.tenant)).filter((item) => item.entity === 'customer');
    expect(customers).toHaveLength(1);

    const purchase = (
      await invoke<Purchase>('createPurchase', {
        caller: fresh.as.desk,
        body: {
          customerId: first.customerId,
          storeId: fresh.store.id,
          items: [{ name: '冰箱', category: 'appliance', amount: 399_900, warrantyMonths: 12 }],
          purchasedOn: '2026-10-01',
        },
      })
    ).body;
    const linked = await open(
      fresh.as.desk,
      repair(fresh.store.id, { customerId: first.customerId, purchaseId: purchase.id }),
    );
    expect(linked.purchaseId).toBe(purchase.id);

    const other = (
      await invoke<Customer>('createCustomer', { caller: fresh.as.desk, body: { phone: '13900000002' } })
    ).body;
    const notTheirs = await invoke('createTicket', {
      caller: fresh.as.desk,
      body: repair(fresh.store.id, { customerId: other.id, purchaseId: purchase.id }),
    });
    expect(notTheirs.status).toBe(422);
    expect(badFields(notTheirs)).toEqual(['body.purchaseId']);
    const both = await invoke('createTicket', {
      caller: fresh.as.desk,
      body: repair(fresh.store.id, { customerId: other.id, customer: { phone: '13900000003' } }),
    });
    expect(badFields(both)).toEqual(['body.customer']);

    const mine = await invoke<Page<Ticket>>('listTickets', {
      caller: fresh.as.desk,
      query: { customerId: first.customerId ?? '' },
    });
    expect(mine.body.items.map((ticket) => ticket.id).sort()).toEqual([first.id, again.id, linked.id].sort());
  });

  it('listTickets: serves the queue views: my open tickets, by customer, by created time range', async () => {
    const fresh = await deskFixture('views', 'VW01');
    const a = await open(fresh.as.desk, repair(fresh.store.id));
    setClockOffset(60 * 60_000);
    const b = await open(fresh.as.desk, repair(fresh.store.id));
    for (const ticket of [a, b]) {
      await invoke('assignTicket', {
        caller: fresh.as.desk,
        params: { ticketId: ticket.id },
        body: { assigneeId: fresh.staff.tech.id },
      });
    }
    await move(fresh.as.tech, a, { to: 'in_progress' });
    await move(fresh.as.tech, a, { to: 'resolved', resolution: 'done' });

    const myOpen = await invoke<Page<Ticket>>('listTickets', {
      caller: fresh.as.tech,
      query: { assigneeId: 'me' },
    });
    expect(myOpen.body.items.map((ticket) => ticket.id)).toEqual([b.id]);
    const myAll = await invoke<Page<Ticket>>('listTickets', {
      caller: fresh.as.tech,
      query: { assigneeId: 'me', open: 'false', order: 'oldest' },
    });
    expect(myAll.body.items.map((ticket) => ticket.id).sort()).toEqual([a.id, b.id].sort());

    const cut = new Date(Date.parse(a.createdAt) + 30 * 60_000).toISOString();
    const early = await invoke<Page<Ticket>>('listTickets', { caller: fresh.as.desk, query: { to: cut } });
    expect(early.body.items.map((ticket) => ticket.id)).toEqual([a.id]);
    const late = await invoke<Page<Ticket>>('listTickets', { caller: fresh.as.desk, query: { from: cut } });
    expect(late.body.items.map((ticket) => ticket.id)).toEqual([b.id]);
    const badRange = await invoke('listTickets', {
      caller: fresh.as.desk,
      query: { from: 'yesterday', to: '2020-01-01' },
    });
    expect(badFields(badRange)).toEqual(['query.from', 'query.to']);
    const byStatus = await invoke<Page<Ticket>>('listTickets', {
      caller: fresh.as.desk,
      query: { status: 'resolved' },
    });
    expect(byStatus.body.items.map((ticket) => ticket.id)).toEqual([a.id]);
  });

  it('updateTicket, assignTicket, transitionTicket, commentOnTicket, ticketTimeline, listTickets: keep every endpoint to its tenant (404) and its stores (403)', async () => {
    const ticket = await open(desk.as.desk, repair(desk.store.id));
    const stranger = admin(freshTenant('lifecycle'));
    const id = { ticketId: ticket.id };
    const calls = [
      invoke('assignTicket', { caller: stranger, params: id, body: { assigneeId: desk.staff.tech.id } }),
      invoke('transitionTicket', { caller: stranger, params: id, body: { to: 'cancelled', reason: 'x' } }),
      invoke('commentOnTicket', { caller: stranger, params: id, body: { body: 'x' } }),
      invoke('updateTicket', { caller: stranger, params: id, body: { version: 1, subject: 'x' } }),
      invoke('ticketTimeline', { caller: stranger, params: id }),
    ];
    expect((await Promise.all(calls)).map((result) => result.status)).toEqual([404, 404, 404, 404, 404]);
    const outsider = desk.as.elsewhere;
    const scoped = [
      invoke('transitionTicket', { caller: outsider, params: id, body: { to: 'in_progress' } }),
      invoke('commentOnTicket', { caller: outsider, params: id, body: { body: 'x' } }),
      invoke('updateTicket', { caller: outsider, params: id, body: { version: 1, subject: 'x' } }),
      invoke('ticketTimeline', { caller: outsider, params: id }),
    ];
    expect((await Promise.all(scoped)).map((result) => result.status)).toEqual([403, 403, 403, 403]);
    const strangersView = await invoke<Page<Ticket>>('listTickets', {
      caller: { ...stranger },
      query: { assigneeId: desk.staff.tech.id },
    });
    expect(strangersView.body.items).toEqual([]);
    expect(await timeline(desk.as.desk, ticket.id)).toHaveLength(1);
  });

  it('updateTicket, assignTicket, transitionTicket, commentOnTicket, ticketTimeline, listTickets: name every bad field and writes nothing', async () => {
    const ticket = await open(desk.as.desk, repair(desk.store.id));
    const id = { ticketId: ticket.id };
    const before = await itemsOfTenant(desk.tenant);
    const cases: [Promise<{ status: number }>, string[]][] = [
      [
        invoke('assignTicket', { caller: desk.as.desk, params: id, body: { assigneeId: 'bob', version: 0 } }),
        ['body.assigneeId', 'body.version'],
      ],
      [
        invoke('transitionTicket', {
          caller: desk.as.desk,
          params: id,
          body: { to: 'assigned', reason: '' },
        }),
        ['body.reason', 'body.to'],
      ],
      [
        invoke('commentOnTicket', {
          caller: desk.as.desk,
          params: id,
          body: { body: '', visibility: 'everyone' },
        }),
        ['body.body', 'body.visibility'],
      ],
      [
        invoke('updateTicket', {
          caller: desk.as.desk,
          params: id,
          body: { priority: 'p0', status: 'closed' },
        }),
        ['body.priority', 'body.status', 'body.version'],
      ],
      [
        invoke('ticketTimeline', {
          caller: desk.as.desk,
          params: { ticketId: 'nope' },
          query: { limit: 'all' },
        }),
        ['path.ticketId', 'query.limit'],
      ],
      [
        invoke('listTickets', { caller: desk.as.desk, query: { assigneeId: 'someone', open: 'maybe' } }),
        ['query.assigneeId', 'query.open'],
      ],
      [
        invoke('putSettings', { caller: desk.admin, body: { reopenWindowDays: -1 } }),
        ['body.reopenWindowDays'],
      ],
      [
        invoke('updateStore', {
          caller: desk.admin,
          params: { storeId: desk.store.id },
          body: { autoDispatchTypes: ['repair', 'repair', 'x'] },
        }),
        ['body.autoDispatchTypes.2', 'body.version'],
      ],
      [
        invoke('readNotification', { caller: desk.as.desk, params: { notificationId: '1' } }),
        ['path.notificationId'],
      ],
      [invoke('listNotifications', { caller: desk.as.desk, query: { unread: 'yes' } }), ['query.unread']],
    ];
    for (const [call, fields] of cases) {
      const result = await call;
      expect(result.status, fields.join()).toBe(400);
      expect(badFields(result as Parameters<typeof badFields>[0])).toEqual(fields);
    }
    expect(await itemsOfTenant(desk.tenant)).toEqual(before);
  });
});
