import type { Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { storeOfCaller } from '../../stores/store-access';
import { loansOfStore } from '../repository';
import type { ListLoansQuery } from '../schema';
import type { Loan } from '../views';

/** A store's loans in one status (by default those still out), soonest due back first. */
export async function listLoans(principal: Principal, query: ListLoansQuery): Promise<Page<Loan>> {
  await storeOfCaller(principal, query.storeId);
  return loansOfStore(principal.tenantId, query.storeId, query.status, {
    limit: query.limit,
    cursor: query.cursor,
  });
}
