import type { Principal } from '../../access/principal';
import { loanInScope } from '../lookups';
import type { Loan } from '../views';

export async function getLoan(principal: Principal, loanId: string): Promise<Loan> {
  return loanInScope(principal, loanId);
}
