import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../shared/access/roles';
import type { DomainError } from '../../shared/errors';
import {
  applyComment,
  applyEdit,
  applyTransition,
  openTicket,
  workloadDelta,
} from '../../shared/tickets/model';
import { createTicketInput } from '../../shared/tickets/schema';
import type { Ticket } from '../../shared/tickets/views';

const openedAt = new Date('2026-11-26T09:30:00+08:00');

describe('opening a ticket', () => {
  it('is new, unassigned, version 1, stamped with the injected time and actor, with a created event', () => {
    const input = createTicketInput.parse({
      storeId: '01M8CFFSPPM7KHC0J6FQ7N11K4',
      type: 'return',
      channel: 'hotline',
      subject: '  七天无理由退货  ',
    });
    const { ticket, created } = openTicket(
      input,
      { ticketId: 'T1', eventId: 'E1', number: 'SH01-20261126-0001' },
      'clerk',
      openedAt,
    );
    expect(ticket).toMatchObject({
      id: 'T1',
      subject: '七天无理由退货',
      priority: 'normal',
      description: '',
      status: 'new',
      assigneeId: null,
      createdBy: 'clerk',
      createdAt: '2026-11-26T01:30:00.000Z',
      version: 1,
    });
    expect(created).toEqual({
      id: 'E1',
      ticketId: 'T1',
      kind: 'created',
      number: 'SH01-20261126-0001',
      actorId: 'clerk',
      at: ticket.createdAt,
    });
  });
});

const now = new Date('2026-11-26T10:00:00+08:00');
const ticket = (overrides: Partial<Ticket> = {}): Ticket => ({
  id: '01M8CFFT6Y7X6KEP96DAQR4VCV',
  number: 'SH01-20261126-0001',
  storeId: '01M8CFFSPPM7KHC0J6FQ7N11K4',
  type: 'repair',
  channel: 'phone',
  priority: 'normal',
  status: 'in_progress',
  subject: '冰箱不制冷',
  description: '',
  assigneeId: '01M8CFFTNM6QNPRSVMVYX4WQ8E',
  assigneeUserId: 'tech-1',
  reopenCount: 0,
  createdBy: 'desk',
  createdAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-20T02:00:00.000Z',
  version: 3,
  ...overrides,
});
const technician = { userId: 'tech-1', roles: ['technician'] as StaffRole[] };
const desk = { userId: 'desk-1', roles: ['front_desk'] as StaffRole[] };
const context = { eventId: '01M8CFFTNM6QNPRSVMVYX4WQ8F', now, reopenWindowDays: 7 };

const refusal = (run: () => unknown) => {
  try {
    run();
    return undefined;
  } catch (error) {
    return `${(error as DomainError).kind}:${(error as DomainError).code}`;
  }
};

describe('ticket changes', () => {
  it('resolving needs a resolution note, and records it with the time', () => {
    expect(refusal(() => applyTransition(ticket(), { to: 'resolved' }, technician, context))).toBe(
      'invalid_input:invalid_input',
    );
    const { ticket: resolved, event } = applyTransition(
      ticket(),
      { to: 'resolved', resolution: '更换压缩机' },
      technician,
      context,
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: '更换压缩机',
      resolvedAt: now.toISOString(),
      version: 4,
    });
    expect(event).toMatchObject({
      kind: 'status_changed',
      from: 'in_progress',
      to: 'resolved',
      actorId: 'tech-1',
    });
  });

  it('reopens with a reason inside the window, and refuses after it (422)', () => {
    const resolved = ticket({ status: 'resolved', resolvedAt: '2026-11-20T02:00:00.000Z', resolution: 'x' });
    expect(refusal(() => applyTransition(resolved, { to: 'in_progress' }, desk, context))).toBe(
      'invalid_input:invalid_input',
    );
    const reopened = applyTransition(
      resolved,
      { to: 'in_progress', reason: '客户反馈仍不制冷' },
      desk,
      context,
    );
    expect(reopened.ticket).toMatchObject({ status: 'in_progress', reopenCount: 1, resolvedAt: undefined });
    expect(
      refusal(() =>
        applyTransition(resolved, { to: 'in_progress', reason: 'x' }, desk, {
          ...context,
          reopenWindowDays: 3,
        }),
      ),
    ).toBe('rule_refused:reopen_window_passed');
  });

  it('cancelling needs a supervisor and a reason', () => {
    expect(
      refusal(() => applyTransition(ticket(), { to: 'cancelled', reason: 'dup' }, technician, context)),
    ).toBe('forbidden:transition_not_allowed');
    const supervisor = { userId: 's', roles: ['supervisor'] as StaffRole[] };
    expect(refusal(() => applyTransition(ticket(), { to: 'cancelled' }, supervisor, context))).toBe(
      'invalid_input:invalid_input',
    );
    expect(
      applyTransition(ticket(), { to: 'cancelled', reason: '重复工单' }, supervisor, context).ticket
        .cancelledAt,
    ).toBe(now.toISOString());
  });

  it('takes the first public comment as the first response, once', () => {
    const first = applyComment(
      ticket(),
      { body: '已联系客户', visibility: 'public' },
      { actorId: 'a', eventId: 'e', now },
    );
    expect(first.ticket?.firstRespondedAt).toBe(now.toISOString());
    expect(first.event).toMatchObject({ kind: 'comment', firstResponse: true });
    const internal = applyComment(
      ticket(),
      { body: '内部备注', visibility: 'internal' },
      { actorId: 'a', eventId: 'e', now },
    );
    expect(internal.ticket).toBeUndefined();
    const second = applyComment(
      ticket({ firstRespondedAt: '2026-11-21T00:00:00.000Z' }),
      { body: 'again', visibility: 'public' },
      { actorId: 'a', eventId: 'e', now },
    );
    expect(second.ticket).toBeUndefined();
    expect(
      refusal(() =>
        applyComment(
          ticket({ status: 'closed' }),
          { body: 'x', visibility: 'public' },
          { actorId: 'a', eventId: 'e', now },
        ),
      ),
    ).toBe('conflict:ticket_finished');
  });

  it('records field edits with before and after, and nothing when nothing changes', () => {
    const edit = applyEdit(
      ticket(),
      { version: 3, priority: 'urgent', subject: '冰箱不制冷' },
      { actorId: 'a', eventId: 'e', now },
    );
    expect(edit?.event).toMatchObject({
      kind: 'updated',
      changes: [{ field: 'priority', before: 'normal', after: 'urgent' }],
    });
    expect(
      applyEdit(ticket(), { version: 3, priority: 'normal' }, { actorId: 'a', eventId: 'e', now }),
    ).toBeUndefined();
  });

  it('moves open-ticket counts with assignment and with the end of the work', () => {
    const a = '01M8CFFTNM6QNPRSVMVYX4WQ8E';
    const b = '01M8CFFTNM6QNPRSVMVYX4WQ8G';
    expect(workloadDelta(undefined, ticket({ status: 'new', assigneeId: null }))).toEqual([]);
    expect(workloadDelta(undefined, ticket({ status: 'assigned', assigneeId: a }))).toEqual([
      { staffId: a, delta: 1 },
    ]);
    expect(workloadDelta(ticket({ assigneeId: a }), ticket({ assigneeId: b }))).toEqual([
      { staffId: a, delta: -1 },
      { staffId: b, delta: 1 },
    ]);
    expect(workloadDelta(ticket(), ticket({ status: 'resolved' }))).toEqual([{ staffId: a, delta: -1 }]);
    expect(workloadDelta(ticket({ status: 'resolved' }), ticket({ status: 'in_progress' }))).toEqual([
      { staffId: a, delta: 1 },
    ]);
    expect(workloadDelta(ticket({ status: 'resolved' }), ticket({ status: 'closed' }))).toEqual([]);
  });
});
