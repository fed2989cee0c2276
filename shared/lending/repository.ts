import type { Page } from '../db/cursor';
import { atVersion, getEntity, isNew, putEntity } from '../db/items';
import { queryEntities } from '../db/query';
import { type CreateRemembered, type TransactionItem, writeVersioned } from '../db/transactions';
import { subjectTimerWrites } from '../timers/repository';
import { loanEntity, loanTimerKey } from './entities';
import { loanTimerOf } from './model';
import type { Loan } from './views';

/**
 * The writes that store a loan: the item, and its reminder timer whenever that changed
 * (scheduled with the loan's version as its generation, or dropped). `firedGeneration` is set by
 * the timer's own consumer, so a duplicate delivery cannot remind twice.
 */
export function loanWrites(
  tenantId: string,
  loan: Loan,
  before?: Loan,
  firedGeneration?: number,
): TransactionItem[] {
  const timer = subjectTimerWrites(
    {
      ...loanTimerKey(tenantId, loan.id),
      tenantId,
      kind: 'loan',
      queue: 'revisit',
      subjectId: loan.id,
      generation: loan.version,
    },
    loanTimerOf(loan),
    before ? loanTimerOf(before) : undefined,
    firedGeneration,
  );
  return [putEntity(loanEntity, tenantId, loan, before ? atVersion(before.version) : isNew), ...timer];
}

export async function saveLoans(
  tenantId: string,
  items: readonly TransactionItem[],
  remembered?: CreateRemembered,
): Promise<void> {
  await writeVersioned(tenantId, items, 'loan', remembered);
}

export async function findLoan(tenantId: string, id: string): Promise<Loan | undefined> {
  return getEntity(loanEntity, { tenantId, id });
}

/** A store's loans in one status, soonest due back first. */
export async function loansOfStore(
  tenantId: string,
  storeId: string,
  status: Loan['status'],
  page: { limit: number; cursor: string | undefined },
): Promise<Page<Loan>> {
  return queryEntities<Loan>({
    ...loanEntity.view('byStoreStatus', { tenantId, storeId, status }),
    list: 'loans',
    filters: { storeId, status },
    ...page,
  });
}
