import { assertStoreAccess, type Principal } from '../access/principal';
import { resolveCalendar } from '../calendar/repository';
import type { BusinessCalendar } from '../calendar/views';
import {
  ConditionFailed,
  type CreateRemembered,
  type TransactionItem,
  writeTransaction,
} from '../db/transactions';
import { DomainError, notFound, versionConflict } from '../errors';
import { findStore } from '../stores/repository';
import { findClaim } from './repository';
import type { CompensationClaim } from './views';

/** The claim, if it is this tenant's (else 404) and in the caller's stores (else 403). */
export async function claimInScope(
  principal: Principal,
  claimId: string,
  readVersion?: number,
): Promise<CompensationClaim> {
  const claim = await findClaim(principal.tenantId, claimId);
  if (!claim) throw notFound('compensation_claim');
  assertStoreAccess(principal, claim.storeId);
  if (readVersion !== undefined && readVersion !== claim.version) throw versionConflict('compensation claim');
  return claim;
}

/** The store's business calendar: reminders count business hours. */
export async function storeCalendar(tenantId: string, storeId: string): Promise<BusinessCalendar> {
  const store = await findStore(tenantId, storeId);
  if (!store) throw notFound('store');
  return resolveCalendar(tenantId, store);
}

/** A reference in the body that leads nowhere the caller may go: refused, naming the field. */
export const missingReference = (path: string, what: string) =>
  new DomainError('rule_refused', `${what}_not_found`, `No such ${what}.`, [
    { in: 'body', path, message: `No such ${what}.` },
  ]);

/** Saves a claim change whose first item is the claim; a stale claim is the one version conflict. */
export async function saveClaim(
  tenantId: string,
  items: readonly TransactionItem[],
  remembered?: CreateRemembered,
): Promise<void> {
  try {
    await writeTransaction(tenantId, items, remembered);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw versionConflict('compensation claim');
    throw error;
  }
}
