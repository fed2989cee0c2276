import type { Principal } from '../../access/principal';
import { newId } from '../../ids';
import { ledgerMoveWrites } from '../../merchants/repository';
import { claimInScope, saveClaim } from '../lookups';
import { applySettlement } from '../model';
import { type ClaimEvent, claimWrites } from '../repository';
import type { SettleCompensationReceivableInput } from '../schema';
import type { CompensationClaim } from '../views';

/**
 * The merchant pays what its deposit did not cover (应收款): the payment is recorded on the claim,
 * the merchant's receivable goes down by it, and the claim closes once covered; claim, merchant
 * and timeline in one transaction, at the claim's version (a retry of the same request is 409).
 */
export async function settleCompensationReceivable(
  principal: Principal,
  claimId: string,
  input: SettleCompensationReceivableInput,
  now: Date,
): Promise<CompensationClaim> {
  const { tenantId } = principal;
  const claim = await claimInScope(principal, claimId, input.version);
  const after = applySettlement(claim, input, { actor: principal, now });
  const event = (step: ClaimEvent['step'], detail: string): ClaimEvent => ({
    id: newId(now),
    ticketId: claim.ticketId,
    kind: 'compensation',
    claimId: claim.id,
    step,
    amount: input.amount,
    detail,
    actorId: principal.userId,
    at: now.toISOString(),
  });
  await saveClaim(tenantId, [
    ...claimWrites(tenantId, after, claim, [
      event('settled', `${input.method} ${input.reference}`),
      ...(after.status === 'closed' ? [event('closed', 'receivable settled')] : []),
    ]),
    ...ledgerMoveWrites(tenantId, {
      merchantId: claim.merchantId,
      rule: 'none',
      receivable: -input.amount,
      now,
    }).items,
  ]);
  return after;
}
