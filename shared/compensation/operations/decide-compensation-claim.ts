import type { Principal } from '../../access/principal';
import { newId } from '../../ids';
import { ledgerMoveWrites } from '../../merchants/repository';
import { claimInScope, saveClaim, storeCalendar } from '../lookups';
import { applyDecision, reminderDue } from '../model';
import { type ClaimEvent, claimWrites, readCompensationPolicy } from '../repository';
import type { DecideCompensationClaimInput } from '../schema';
import type { CompensationClaim } from '../views';

/**
 * An approver approves or rejects the step the claim waits on. The claim is written conditioned
 * on the version read, so of concurrent decisions on one step exactly one counts; the others
 * get a version conflict and, reading again, find the step decided.
 */
export async function decideCompensationClaim(
  principal: Principal,
  claimId: string,
  input: DecideCompensationClaimInput,
  now: Date,
): Promise<CompensationClaim> {
  const { tenantId } = principal;
  const claim = await claimInScope(principal, claimId, input.version);
  const step = claim.decisions.length + 1;
  const moreSteps = input.decision === 'approve' && step < claim.approvalLevel.steps.length;
  // The next step's reminder counts business hours from this approval (store calendar, policy hours).
  const nextReminderDueAt = moreSteps
    ? await Promise.all([storeCalendar(tenantId, claim.storeId), readCompensationPolicy(tenantId)]).then(
        ([calendar, policy]) => reminderDue(calendar, now, policy.reminderBusinessHours),
      )
    : undefined;
  const after = applyDecision(claim, input, {
    actor: principal,
    now,
    ...(nextReminderDueAt ? { nextReminderDueAt } : {}),
  });
  const event = (kind: ClaimEvent['step'], detail: string): ClaimEvent => ({
    id: newId(now),
    ticketId: claim.ticketId,
    kind: 'compensation',
    claimId: claim.id,
    step: kind,
    amount: claim.amount,
    detail,
    actorId: principal.userId,
    at: now.toISOString(),
  });
  const role = claim.approvalLevel.steps[step - 1];
  const events =
    input.decision === 'reject'
      ? [event('rejected', input.reason ?? '')]
      : [
          event('approval', `step ${step} of ${claim.approvalLevel.steps.length} (${role})`),
          ...(after.status === 'approved' ? [event('approved', 'every approval given')] : []),
        ];
  await saveClaim(tenantId, [
    ...claimWrites(tenantId, after, claim, events),
    // A rejected claim no longer holds the merchant's deposit.
    ...(after.status === 'rejected'
      ? ledgerMoveWrites(tenantId, { merchantId: claim.merchantId, rule: 'none', openClaims: -1, now }).items
      : []),
  ]);
  return after;
}
