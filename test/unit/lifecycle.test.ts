import { describe, expect, it } from 'vitest';
import { type StaffRole, staffRoles } from '../../shared/access/roles';
import type { DomainError } from '../../shared/errors';
import { chooseAssignee } from '../../shared/tickets/dispatch';
import { judgeTransition, type TransitionTarget } from '../../shared/tickets/lifecycle';
import { applyComment, applyEdit, applyTransition, workloadDelta } from '../../shared/tickets/model';
import { localDay, ticketNumber } from '../../shared/tickets/numbering';
import {
  type Ticket,
  type TicketStatus,
  ticketStatuses,
  transitionTargets,
} from '../../shared/tickets/schema';

/** The whole machine, written out: [from, to] pairs that are legal. Everything else is 409. */
const legal: ReadonlyArray<readonly [TicketStatus, TransitionTarget]> = [
  ['assigned', 'in_progress'],
  ['pending_customer', 'in_progress'],
  ['pending_third_party', 'in_progress'],
  ['resolved', 'in_progress'],
  ['in_progress', 'pending_customer'],
  ['pending_third_party', 'pending_customer'],
  ['in_progress', 'pending_third_party'],
  ['pending_customer', 'pending_third_party'],
  ['in_progress', 'resolved'],
  ['pending_customer', 'resolved'],
  ['pending_third_party', 'resolved'],
  ['resolved', 'closed'],
  ['new', 'cancelled'],
  ['assigned', 'cancelled'],
  ['in_progress', 'cancelled'],
  ['pending_customer', 'cancelled'],
  ['pending_third_party', 'cancelled'],
];

const isLegal = (from: TicketStatus, to: TransitionTarget) => legal.some(([f, t]) => f === from && t === to);

/** Which roles, acting on someone else's ticket, may make each legal move. */
const rolesFor = (from: TicketStatus, to: TransitionTarget): readonly StaffRole[] => {
  if (to === 'cancelled') return ['supervisor', 'manager', 'admin'];
  if (to === 'closed' || (from === 'resolved' && to === 'in_progress')) {
    return ['front_desk', 'complaint_handler', 'supervisor', 'manager', 'admin'];
  }
  return ['supervisor', 'manager', 'admin'];
};

describe('status machine', () => {
  for (const from of ticketStatuses) {
    for (const to of transitionTargets) {
      if (!isLegal(from, to)) {
        it(`refuses ${from} → ${to} for everyone (409)`, () => {
          const verdict = judgeTransition(from, to, { roles: ['admin'], isAssignee: true });
          expect(verdict).toMatchObject({ ok: false, kind: 'illegal', code: 'illegal_transition' });
        });
        continue;
      }
      it(`allows ${from} → ${to} exactly for ${rolesFor(from, to).join(', ')}${to === 'cancelled' ? '' : ' and the assignee'}`, () => {
        for (const role of staffRoles) {
          const verdict = judgeTransition(from, to, { roles: [role], isAssignee: false });
          expect(verdict.ok, `${role}`).toBe(rolesFor(from, to).includes(role));
          if (!verdict.ok)
            expect(verdict).toMatchObject({ kind: 'forbidden', code: 'transition_not_allowed' });
        }
        // A technician assignee may move their own ticket, but never cancel it.
        const asAssignee = judgeTransition(from, to, { roles: ['technician'], isAssignee: true });
        expect(asAssignee.ok).toBe(to !== 'cancelled');
      });
    }
  }
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

describe('dispatch', () => {
  const tech = (staffId: string, openTickets: number, lastAssignedAt?: string) => ({
    staffId,
    userId: `sub-${staffId}`,
    roles: ['technician'] as StaffRole[],
    openTickets,
    lastAssignedAt,
  });

  it('picks the eligible person with the fewest open tickets', () => {
    const desk = { staffId: 'D', userId: 'sub-D', roles: ['front_desk'] as StaffRole[], openTickets: 0 };
    expect(chooseAssignee('repair', [tech('A', 3), tech('B', 1), desk])?.staffId).toBe('B');
    expect(chooseAssignee('complaint', [tech('A', 0)])).toBeUndefined();
  });

  it('passes over members without a linked sign-in, who could not act on the ticket', () => {
    const unlinked = { ...tech('U', 0), userId: undefined };
    expect(chooseAssignee('repair', [tech('A', 3), unlinked])?.staffId).toBe('A');
    expect(chooseAssignee('repair', [unlinked])).toBeUndefined();
  });

  it('breaks ties round robin: whoever got a ticket longest ago, never-assigned first', () => {
    const team = [tech('A', 1, '2026-11-26T01:00:00Z'), tech('B', 1, '2026-11-26T00:00:00Z'), tech('C', 1)];
    expect(chooseAssignee('repair', team)?.staffId).toBe('C');
    expect(chooseAssignee('repair', team.slice(0, 2))?.staffId).toBe('B');
  });
});

describe('ticket numbers', () => {
  it('use the store’s local day, not UTC', () => {
    const lateEvening = new Date('2026-11-26T16:30:00Z'); // 00:30 on the 27th in Shanghai
    expect(localDay(lateEvening, 'Asia/Shanghai')).toBe('20261127');
    expect(localDay(lateEvening, 'Europe/Berlin')).toBe('20261126');
    expect(ticketNumber('SH01', '20261127', 7)).toBe('SH01-20261127-0007');
  });
});
