import type { Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { ConditionFailed, writeTransaction } from '../../db/transactions';
import { notFound, unavailable } from '../../errors';
import { newId } from '../../ids';
import { referenceTaken, whyMoveRefused } from '../ledger';
import { merchantInScope } from '../lookups';
import { deltaOf } from '../model';
import {
  findDepositEntry,
  findDepositReference,
  findMerchant,
  type LedgerRule,
  ledgerMoveWrites,
} from '../repository';
import type { RecordDepositEntryInput } from '../schema';
import type { DepositEntry } from '../views';

/** Tries when the condition failed but the merchant, read again, allows the move after all. */
const attempts = 3;

const rules: Record<RecordDepositEntryInput['kind'], LedgerRule> = {
  deposit: 'credit',
  top_up: 'credit',
  deduction: 'debit',
  refund: 'refund',
};

/**
 * Books one ledger entry and moves the balance in the same transaction. The voucher reference
 * is taken in that transaction too, so a retried request (with or without an Idempotency-Key)
 * finds its first entry and books nothing; the same reference with another entry is refused.
 */
export async function recordDepositEntry(
  principal: Principal,
  merchantId: string,
  input: RecordDepositEntryInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<DepositEntry> {
  const merchant = await merchantInScope(principal, merchantId);
  const { tenantId } = principal;
  const entry: DepositEntry = {
    id: newId(now),
    merchantId,
    storeId: merchant.storeId,
    kind: input.kind,
    amount: input.amount,
    delta: deltaOf(input.kind, input.amount),
    reference: input.reference,
    ...(input.note ? { note: input.note } : {}),
    by: principal.userId,
    at: now.toISOString(),
  };
  const ref = `M#${input.reference}`;
  const rule = rules[input.kind];
  const move = ledgerMoveWrites(tenantId, { merchantId, entry: { fields: entry, ref }, rule, now });
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await writeTransaction(tenantId, move.items, { claim: idempotency, response: { body: entry }, now });
      return entry;
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      if (error.index === move.referenceIndex) {
        const taken = await findDepositReference(tenantId, merchantId, ref);
        const first = taken && (await findDepositEntry(tenantId, merchantId, taken.entryId));
        if (first && first.kind === input.kind && first.amount === input.amount) return first;
        throw referenceTaken(input.reference);
      }
      const current = await findMerchant(tenantId, merchantId);
      if (!current) throw notFound('merchant');
      const refusal = whyMoveRefused(current, rule, input.amount, now);
      if (refusal) throw refusal;
      // Another move changed the merchant in between and it now allows this one: try again.
    }
  }
  throw unavailable('contention', 'The deposit kept changing; nothing was written. Retry.');
}
