import type { Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { ruleRefused } from '../../errors';
import { frontOfficeStore } from '../../front-office/desk';
import { newId } from '../../ids';
import { newLoan } from '../model';
import { loanWrites, saveLoans } from '../repository';
import type { LendItemInput } from '../schema';
import type { Loan } from '../views';

/** Lends an item against a deposit (物品借用), with a reminder at its due-back time. */
export async function lendItem(
  principal: Principal,
  input: LendItemInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<Loan> {
  await frontOfficeStore(principal, input.storeId);
  const loan = newLoan({ id: newId(now), input, actorId: principal.userId, now });
  if (Date.parse(loan.lentAt) > now.getTime()) {
    throw ruleRefused('lent_in_future', '`lentAt` lies in the future; record a loan when the item goes out.');
  }
  if (Date.parse(loan.dueBackAt) <= Date.parse(loan.lentAt)) {
    throw ruleRefused('due_before_lent', '`dueBackAt` must come after the item went out.');
  }
  await saveLoans(principal.tenantId, loanWrites(principal.tenantId, loan), {
    claim: idempotency,
    response: { body: loan },
    now,
  });
  return loan;
}
