import { assertStoreAccess, type Principal } from '../access/principal';
import { notFound } from '../errors';
import { findLoan } from './repository';
import type { Loan } from './views';

/** The loan, if it is this tenant's (else 404) and in the caller's stores (else 403). */
export async function loanInScope(principal: Principal, id: string): Promise<Loan> {
  const loan = await findLoan(principal.tenantId, id);
  if (!loan) throw notFound('loan');
  assertStoreAccess(principal, loan.storeId);
  return loan;
}
