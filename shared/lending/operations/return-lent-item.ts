import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { loanInScope } from '../lookups';
import { applyReturn } from '../model';
import { loanWrites, saveLoans } from '../repository';
import type { ReturnLentItemInput } from '../schema';
import type { Loan } from '../views';

/** The item is back: the deposit is refunded and the reminder, if still pending, dropped. */
export async function returnLentItem(
  principal: Principal,
  loanId: string,
  input: ReturnLentItemInput,
  now: Date,
): Promise<Loan> {
  const before = await loanInScope(principal, loanId);
  if (before.version !== input.version) throw versionConflict('loan');
  const after = applyReturn(before, input, { actorId: principal.userId, now });
  await saveLoans(principal.tenantId, loanWrites(principal.tenantId, after, before));
  return after;
}
