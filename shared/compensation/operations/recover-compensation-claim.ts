import type { Principal } from '../../access/principal';
import { ConditionFailed, writeTransaction } from '../../db/transactions';
import { notFound, unavailable, versionConflict } from '../../errors';
import { newId } from '../../ids';
import { findMerchant, ledgerMoveWrites } from '../../merchants/repository';
import type { DepositEntry } from '../../merchants/views';
import { claimInScope } from '../lookups';
import { applyRecovery } from '../model';
import { type ClaimEvent, claimWrites } from '../repository';
import type { RecoverCompensationClaimInput } from '../schema';
import type { CompensationClaim } from '../views';

/** Reads of the balance before giving up when concurrent ledger moves keep changing it. */
const attempts = 3;

/**
 * 追偿: what was paid is recovered from the merchant. The deposit covers what it holds (a
 * deduction entry in the merchant's ledger), the rest becomes the merchant's receivable; the claim
 * closes when the deposit covered it, else it waits for the receivable's settlement: claim, ledger entry, balance, receivable and timeline in one transaction. The
 * claim's version and the claim's own ledger reference each make a second deduction impossible.
 */
export async function recoverCompensationClaim(
  principal: Principal,
  claimId: string,
  input: RecoverCompensationClaimInput,
  now: Date,
): Promise<CompensationClaim> {
  const { tenantId } = principal;
  const claim = await claimInScope(principal, claimId, input.version);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const merchant = await findMerchant(tenantId, claim.merchantId);
    if (!merchant) throw notFound('merchant');
    const entryId = newId(now);
    const after = applyRecovery(claim, merchant.depositBalance, {
      actor: principal,
      now,
      entryId,
      note: input.note,
    });
    const recovery = after.recovery ?? { deducted: 0, receivable: claim.amount };
    const entry: DepositEntry | undefined =
      recovery.deducted > 0
        ? {
            id: entryId,
            merchantId: merchant.id,
            storeId: merchant.storeId,
            kind: 'deduction',
            amount: recovery.deducted,
            delta: -recovery.deducted,
            reference: `${claim.ticketNumber} 先行赔付`,
            claimId: claim.id,
            ...(input.note ? { note: input.note } : {}),
            by: principal.userId,
            at: now.toISOString(),
          }
        : undefined;
    const event = (step: ClaimEvent['step'], detail: string): ClaimEvent => ({
      id: newId(now),
      ticketId: claim.ticketId,
      kind: 'compensation',
      claimId: claim.id,
      step,
      amount: claim.amount,
      detail,
      actorId: principal.userId,
      at: now.toISOString(),
    });
    const claimItems = claimWrites(tenantId, after, claim, [
      event('recovered', `deposit ${recovery.deducted} fen, receivable ${recovery.receivable} fen`),
      ...(after.status === 'closed' ? [event('closed', 'recovered from the merchant')] : []),
    ]);
    const move = ledgerMoveWrites(tenantId, {
      merchantId: merchant.id,
      ...(entry ? { entry: { fields: entry, ref: `C#${claim.id}` } } : {}),
      rule: 'debit',
      openClaims: -1,
      receivable: recovery.receivable,
      now,
    });
    try {
      await writeTransaction(tenantId, [...claimItems, ...move.items]);
      return after;
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      // The claim moved on, or its recovery is booked already: never a second deduction.
      if (error.index !== claimItems.length + move.merchantIndex) throw versionConflict('compensation claim');
      // The balance fell below what was read (another move): read it again.
    }
  }
  throw unavailable('contention', 'The merchant’s deposit kept changing; nothing was written. Retry.');
}
