import { defineEntity } from '../db/entity';
import { timerKey } from '../timers/keys';
import type { CompensationPolicy } from './schema';
import type { CompensationClaim } from './views';

/**
 * A claim is its own item, addressed by its id alone; the register (售后服务先行赔偿审批表) is a
 * store's claims by creation time (ULID), all or in one status.
 */
export const compensationClaimEntity = /* @__PURE__ */ defineEntity<CompensationClaim>({
  tag: 'compensation_claim',
  about:
    'an advance compensation claim (先行赔付) with its approvals; listed per store, and per store and status',
  key: { pk: 'T#{tenantId}#CLAIM#{id}', sk: 'CLAIM' },
  views: {
    byStoreStatus: { pk: 'T#{tenantId}#STORE#{storeId}#CLAIMS#{status}', sk: '{id}' },
    byStore: { pk: 'T#{tenantId}#STORE#{storeId}#CLAIMS', sk: '{id}' },
  },
});

export const compensationPolicyEntity = /* @__PURE__ */ defineEntity<CompensationPolicy>({
  tag: 'compensation_policy',
  about: 'the tenant’s approval levels by amount for compensation claims; one per tenant',
  key: { pk: 'T#{tenantId}', sk: 'COMPENSATION_POLICY' },
});

/** The claim's one timer: the reminder to the approvers of the step it waits on. */
export const claimTimerKey = (tenantId: string, claimId: string) => timerKey(tenantId, claimId, 'approval');
