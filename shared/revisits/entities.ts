import { defineEntity } from '../db/entity';
import { timerKey } from '../timers/keys';
import type { RevisitRules } from './schema';
import type { Revisit } from './views';

/**
 * A revisit is its own item with two views sorted by due time: byStoreStatus is a store's
 * revisits in one status (the work queue, oldest due first), byCustomer a customer's revisits
 * (their 回访 history).
 */
export const revisitEntity = /* @__PURE__ */ defineEntity<Revisit>({
  tag: 'revisit',
  about:
    'A revisit (回访); listed per store and status (the work queue) and per customer (their history), by due time.',
  key: { pk: 'T#{tenantId}#REVISIT#{id}', sk: 'REVISIT' },
  views: {
    byStoreStatus: { pk: 'T#{tenantId}#STORE#{storeId}#REVISITS#{status}', sk: '{dueAt}#{id}' },
    byCustomer: { pk: 'T#{tenantId}#CUSTOMER#{customerId}#REVISITS', sk: '{dueAt}#{id}' },
  },
});

/** One per tenant, in the tenant's own partition; absent until an admin saves rules. */
export const revisitRulesEntity = /* @__PURE__ */ defineEntity<RevisitRules>({
  tag: 'revisit_rules',
  about: 'The tenant’s revisit rules (post-sale, warranty expiry, post-service, periodic); one per tenant.',
  key: { pk: 'T#{tenantId}', sk: 'REVISIT_RULES' },
});

/** The timer that makes a scheduled revisit due: the revisit's own, one per revisit. */
export const revisitTimerKey = (tenantId: string, revisitId: string) => timerKey(tenantId, revisitId, 'due');
