import type { Principal } from '../../access/principal';
import { newId } from '../../ids';
import { claimInScope, saveClaim } from '../lookups';
import { applyPayment } from '../model';
import { claimWrites } from '../repository';
import type { RecordCompensationPaymentInput } from '../schema';
import type { CompensationClaim } from '../views';

/** The approved amount was paid to the beneficiary: how, with which voucher, by whom. */
export async function recordCompensationPayment(
  principal: Principal,
  claimId: string,
  input: RecordCompensationPaymentInput,
  now: Date,
): Promise<CompensationClaim> {
  const claim = await claimInScope(principal, claimId, input.version);
  const after = applyPayment(claim, input, { actor: principal, now });
  await saveClaim(
    principal.tenantId,
    claimWrites(principal.tenantId, after, claim, [
      {
        id: newId(now),
        ticketId: claim.ticketId,
        kind: 'compensation',
        claimId: claim.id,
        step: 'paid',
        amount: claim.amount,
        detail: `${input.method} ${input.reference}`,
        actorId: principal.userId,
        at: now.toISOString(),
      },
    ]),
  );
  return after;
}
