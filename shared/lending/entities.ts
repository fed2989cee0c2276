import { defineEntity } from '../db/entity';
import { timerKey } from '../timers/keys';
import type { Loan } from './views';

/**
 * A loan (物品借用记录本): one item per lending, listed per store and status by when it is due
 * back (the items still out, the soonest due first).
 */
export const loanEntity = /* @__PURE__ */ defineEntity<Loan>({
  tag: 'loan',
  about: 'An item lent to a guest (物品借用) with its deposit; listed per store and status by due-back time.',
  key: { pk: 'T#{tenantId}#LOAN#{id}', sk: 'LOAN' },
  views: {
    byStoreStatus: { pk: 'T#{tenantId}#STORE#{storeId}#LOANS#{status}', sk: '{dueBackAt}#{id}' },
  },
});

/** The loan's one timer: remind the desk when it is not back by its due time. */
export const loanTimerKey = (tenantId: string, loanId: string) => timerKey(tenantId, loanId, 'overdue');
