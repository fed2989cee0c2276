import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { loanInScope } from '../lookups';
import { applyKeepDeposit } from '../model';
import { loanWrites, saveLoans } from '../repository';
import type { KeepLoanDepositInput } from '../schema';
import type { Loan } from '../views';

/** Not back (at check-out, or lost): the deposit is kept, with the reason. */
export async function keepLoanDeposit(
  principal: Principal,
  loanId: string,
  input: KeepLoanDepositInput,
  now: Date,
): Promise<Loan> {
  const before = await loanInScope(principal, loanId);
  if (before.version !== input.version) throw versionConflict('loan');
  const after = applyKeepDeposit(before, input, { actorId: principal.userId, now });
  await saveLoans(principal.tenantId, loanWrites(principal.tenantId, after, before));
  return after;
}
