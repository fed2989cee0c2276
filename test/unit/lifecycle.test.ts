import { describe, expect, it } from 'vitest';
import { type StaffRole, staffRoles } from '../../shared/access/roles';
import { judgeTransition, type TransitionTarget } from '../../shared/tickets/lifecycle';
import { type TicketStatus, ticketStatuses, transitionTargets } from '../../shared/tickets/schema';

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
