import { defineEntity } from '../db/entity';
import { timerKey } from '../timers/keys';
import type { ReturnCase, ReturnTally } from './model';
import type { AfterSalesPolicy } from './schema';

/** One per tenant, in the tenant's own partition; absent until an admin saves a policy. */
export const afterSalesPolicyEntity = /* @__PURE__ */ defineEntity<AfterSalesPolicy>({
  tag: 'after_sales_policy',
  about:
    'The tenant’s after-sales policy (no-reason commitment, rule classes, override roles); one per tenant.',
  key: { pk: 'T#{tenantId}', sk: 'AFTER_SALES_POLICY' },
});

/**
 * A return or exchange case (退换货处理单) is its own item, so it is read by id alone; every stage
 * change also lands as an event on its ticket's timeline. The register lists a store's cases by
 * creation (ULID) order, all of them or those in one status.
 */
export const returnCaseEntity = /* @__PURE__ */ defineEntity<ReturnCase>({
  tag: 'return_case',
  about: 'A return or exchange case with its decision and policy version; the register per store, by status.',
  key: { pk: 'T#{tenantId}#RETURN#{id}', sk: 'RETURN' },
  views: {
    byStoreStatus: { pk: 'T#{tenantId}#STORE#{storeId}#RETURNS#{status}', sk: '{id}' },
    byStore: { pk: 'T#{tenantId}#STORE#{storeId}#RETURNS', sk: '{id}' },
  },
});

/**
 * What after-sales did to each line of a purchase: quantities refunded and repairs finished here,
 * and per bundle the discount refunds held back for goods kept;
 * versioned so two refunds cannot both take the last unit, nor two repairs count once.
 */
export const returnTallyEntity = /* @__PURE__ */ defineEntity<ReturnTally>({
  tag: 'return_tally',
  about:
    'Per line of a purchase: units refunded (all back: `returned`), repairs finished here; per bundle: the discount held back for goods kept.',
  key: { pk: 'T#{tenantId}#PURCHASE#{purchaseId}', sk: 'RETURNED' },
});

/** The case's one timer: the refund late from the start of the 8th local day after the goods came back (暂行办法 art. 12). */
export const returnTimerKey = (tenantId: string, returnId: string) =>
  timerKey(tenantId, returnId, 'refund_due');
