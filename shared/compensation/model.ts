import { addBusinessMinutes } from '../calendar/business-time';
import type { BusinessCalendar } from '../calendar/views';
import { conflict, DomainError, forbidden, ruleRefused } from '../errors';
import { canApproveStep } from './policy';
import type {
  CreateCompensationClaimInput,
  DecideCompensationClaimInput,
  RecordCompensationPaymentInput,
  SettleCompensationReceivableInput,
} from './schema';
import type { CompensationClaim } from './views';

/** Pure claim changes: the claim as read, the request, the actor and `now` in; the new claim out. */

export interface Actor {
  readonly userId: string;
  readonly roles: readonly string[];
}

/** When the approvers of a step that starts waiting at `since` are reminded. */
export const reminderDue = (calendar: BusinessCalendar, since: Date, hours: number) =>
  addBusinessMinutes(calendar, since, hours * 60).toISOString();

export function newClaim(
  input: CreateCompensationClaimInput,
  context: {
    id: string;
    actor: Actor;
    now: Date;
    ticket: { id: string; number: string; storeId: string };
    merchant: { id: string; name: string };
    approvalLevel: CompensationClaim['approvalLevel'];
    reminderDueAt: string;
  },
): CompensationClaim {
  const at = context.now.toISOString();
  return {
    id: context.id,
    ticketId: context.ticket.id,
    ticketNumber: context.ticket.number,
    storeId: context.ticket.storeId,
    merchantId: context.merchant.id,
    merchantName: context.merchant.name,
    amount: input.amount,
    currency: 'CNY',
    reason: input.reason,
    beneficiary: input.beneficiary,
    status: 'pending_approval',
    approvalLevel: context.approvalLevel,
    decisions: [],
    waitingSince: at,
    reminderDueAt: context.reminderDueAt,
    createdBy: context.actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

const bump = (
  claim: CompensationClaim,
  now: Date,
  changes: Partial<CompensationClaim>,
): CompensationClaim => ({
  ...claim,
  ...changes,
  updatedAt: now.toISOString(),
  version: claim.version + 1,
});

const notAt = (claim: CompensationClaim, expected: string) =>
  conflict('claim_status', `The claim is ${claim.status}; this needs a claim that is ${expected}.`);

/**
 * One approver's decision on the step the claim waits on. The requester never decides their own
 * claim; one person approves once (so a two-person step takes two people); the step's role, or
 * a higher one, is needed. The last approval approves the claim; a rejection ends it.
 */
export function applyDecision(
  claim: CompensationClaim,
  input: DecideCompensationClaimInput,
  context: { actor: Actor; now: Date; nextReminderDueAt?: string },
): CompensationClaim {
  if (claim.status !== 'pending_approval') throw notAt(claim, 'pending approval');
  const { actor, now } = context;
  if (actor.userId === claim.createdBy) {
    throw ruleRefused('self_approval', 'The requester of a claim never decides it.');
  }
  if (claim.decisions.some((decision) => decision.by === actor.userId)) {
    throw ruleRefused(
      'already_approved',
      'You approved an earlier step of this claim; another person decides this one.',
    );
  }
  const step = claim.decisions.length;
  const role = claim.approvalLevel.steps[step];
  if (!role) throw notAt(claim, 'pending approval');
  if (!canApproveStep(actor.roles, role)) {
    throw forbidden(
      'approval_level_insufficient',
      `Step ${step + 1} of this claim (${claim.amount} fen) needs a ${role} or higher.`,
    );
  }
  const at = now.toISOString();
  const decisions = [
    ...claim.decisions,
    {
      step: step + 1,
      role,
      decision: input.decision,
      by: actor.userId,
      byRoles: [...actor.roles],
      amount: claim.amount,
      ...(input.reason ? { reason: input.reason } : {}),
      at,
    },
  ];
  const { waitingSince: _since, reminderDueAt: _due, ...rest } = claim;
  if (input.decision === 'reject') return bump(rest, now, { decisions, status: 'rejected', closedAt: at });
  if (decisions.length === claim.approvalLevel.steps.length) {
    return bump(rest, now, { decisions, status: 'approved' });
  }
  return bump(claim, now, {
    decisions,
    waitingSince: at,
    ...(context.nextReminderDueAt ? { reminderDueAt: context.nextReminderDueAt } : {}),
  });
}

export function applyPayment(
  claim: CompensationClaim,
  input: RecordCompensationPaymentInput,
  context: { actor: Actor; now: Date },
): CompensationClaim {
  if (claim.status !== 'approved') throw notAt(claim, 'approved');
  return bump(claim, context.now, {
    status: 'paid',
    payment: {
      method: input.method,
      reference: input.reference,
      paidBy: input.paidBy ?? context.actor.userId,
      recordedBy: context.actor.userId,
      paidAt: context.now.toISOString(),
    },
  });
}

/** 追偿: the deposit covers what it holds, the rest is owed by the merchant; covered, the claim closes. */
export function applyRecovery(
  claim: CompensationClaim,
  depositBalance: number,
  context: { actor: Actor; now: Date; entryId: string; note?: string | undefined },
): CompensationClaim {
  if (claim.status !== 'paid') throw notAt(claim, 'paid');
  const deducted = Math.min(Math.max(depositBalance, 0), claim.amount);
  const at = context.now.toISOString();
  const receivable = claim.amount - deducted;
  return bump(claim, context.now, {
    status: receivable > 0 ? 'recovered' : 'closed',
    ...(receivable > 0 ? {} : { closedAt: at }),
    recovery: {
      deducted,
      receivable,
      ...(deducted > 0 ? { entryId: context.entryId } : {}),
      by: context.actor.userId,
      at,
      ...(context.note ? { note: context.note } : {}),
    },
  });
}

/** What the merchant still owes of a recovered claim's receivable. */
export const outstanding = (claim: CompensationClaim) =>
  (claim.recovery?.receivable ?? 0) -
  (claim.settlements ?? []).reduce((sum, settlement) => sum + settlement.amount, 0);

/** The merchant pays (part of) its receivable; the claim closes when the receivable is covered. */
export function applySettlement(
  claim: CompensationClaim,
  input: SettleCompensationReceivableInput,
  context: { actor: Actor; now: Date },
): CompensationClaim {
  if (claim.status !== 'recovered') throw notAt(claim, 'recovered with a receivable');
  const owed = outstanding(claim);
  if (input.amount > owed) {
    throw new DomainError(
      'rule_refused',
      'settlement_exceeds_receivable',
      `The merchant owes ${owed} fen on this claim; ${input.amount} fen is more.`,
      [{ in: 'body', path: 'amount', message: `At most ${owed}.` }],
    );
  }
  const at = context.now.toISOString();
  const settlements = [
    ...(claim.settlements ?? []),
    {
      amount: input.amount,
      method: input.method,
      reference: input.reference,
      ...(input.note ? { note: input.note } : {}),
      by: context.actor.userId,
      at,
    },
  ];
  const covered = input.amount === owed;
  return bump(claim, context.now, {
    settlements,
    ...(covered ? { status: 'closed', closedAt: at } : {}),
  });
}
