import type { StaffRole } from '../access/roles';
import type { TicketStatus } from './schema';

/**
 * The ticket status machine and who may move it. One table, read by the transition use case
 * and by the tests; nothing else decides whether a move is legal.
 *
 *   new → assigned → in_progress ⇄ pending_customer | pending_third_party → resolved → closed
 *   resolved → in_progress (reopen, with reason, within the tenant's reopen window)
 *   any open state → cancelled (supervisor and above, with reason)
 *
 * `new → assigned` happens through assignment, never through a bare transition.
 */
export type TransitionTarget = Exclude<TicketStatus, 'new' | 'assigned'>;

export const openStatuses: readonly TicketStatus[] = [
  'new',
  'assigned',
  'in_progress',
  'pending_customer',
  'pending_third_party',
];

export const isOpen = (status: TicketStatus) => openStatuses.includes(status);

/** Who may act, besides the ticket's own assignee where `assignee` is true. */
interface TransitionRule {
  readonly from: readonly TicketStatus[];
  readonly roles: readonly StaffRole[];
  readonly assignee: boolean;
  readonly needs?: 'reason' | 'resolution';
}

const supervisorsUp: readonly StaffRole[] = ['supervisor', 'manager', 'admin'];
const deskAndUp: readonly StaffRole[] = ['front_desk', 'complaint_handler', ...supervisorsUp];

export const transitionRules: Readonly<Record<TransitionTarget, readonly TransitionRule[]>> = {
  in_progress: [
    // start work, or resume after waiting
    { from: ['assigned', 'pending_customer', 'pending_third_party'], roles: supervisorsUp, assignee: true },
    // reopen: the customer says it is not fixed
    { from: ['resolved'], roles: deskAndUp, assignee: true, needs: 'reason' },
  ],
  pending_customer: [{ from: ['in_progress', 'pending_third_party'], roles: supervisorsUp, assignee: true }],
  pending_third_party: [{ from: ['in_progress', 'pending_customer'], roles: supervisorsUp, assignee: true }],
  resolved: [
    {
      from: ['in_progress', 'pending_customer', 'pending_third_party'],
      roles: supervisorsUp,
      assignee: true,
      needs: 'resolution',
    },
  ],
  // The desk closes after confirming with the customer (verify step of the IT desk and the mall manual).
  closed: [{ from: ['resolved'], roles: deskAndUp, assignee: true }],
  cancelled: [{ from: openStatuses, roles: supervisorsUp, assignee: false, needs: 'reason' }],
};

export type TransitionVerdict =
  | { readonly ok: true; readonly reopen: boolean; readonly needs?: 'reason' | 'resolution' }
  | {
      readonly ok: false;
      readonly kind: 'illegal' | 'forbidden';
      readonly code: string;
      readonly detail: string;
    };

/** Decides a requested move. Pure: the caller supplies the actor's roles and whether they are the assignee. */
export function judgeTransition(
  from: TicketStatus,
  to: TransitionTarget,
  actor: { roles: readonly StaffRole[]; isAssignee: boolean },
): TransitionVerdict {
  const rule = transitionRules[to].find((candidate) => candidate.from.includes(from));
  if (!rule) {
    return {
      ok: false,
      kind: 'illegal',
      code: 'illegal_transition',
      detail: `A ${from.replaceAll('_', ' ')} ticket cannot move to ${to.replaceAll('_', ' ')}.`,
    };
  }
  const allowed =
    actor.roles.some((role) => rule.roles.includes(role)) || (rule.assignee && actor.isAssignee);
  if (!allowed) {
    return {
      ok: false,
      kind: 'forbidden',
      code: 'transition_not_allowed',
      detail: `Moving a ticket to ${to.replaceAll('_', ' ')} needs ${rule.assignee ? 'its assignee or ' : ''}one of: ${rule.roles.join(', ')}.`,
    };
  }
  return {
    ok: true,
    reopen: from === 'resolved' && to === 'in_progress',
    ...(rule.needs ? { needs: rule.needs } : {}),
  };
}
