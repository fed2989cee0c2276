import type { Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { merchantInScope } from '../lookups';
import { listLedger } from '../repository';
import type { ListDepositEntriesQuery } from '../schema';
import type { DepositEntry } from '../views';

/** The merchant's deposit ledger (保证金台账), oldest entry first. */
export async function listDepositEntries(
  principal: Principal,
  merchantId: string,
  query: ListDepositEntriesQuery,
): Promise<Page<DepositEntry>> {
  await merchantInScope(principal, merchantId);
  return listLedger(principal.tenantId, merchantId, query);
}
