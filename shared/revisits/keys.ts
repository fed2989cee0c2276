import { tenantPartition } from '../db/keys';
import { timerKey } from '../timers/keys';
import type { Revisit } from './schema';

/**
 * A revisit is one item, `T#<t>#REVISIT#<id>` / `REVISIT`, with two views as index keys,
 * sorted by due time: byStoreStatus = a store's revisits in one status (the work queue, oldest due
 * first), byCustomer = a customer's revisits (the customer's history). Its timer is the revisit's own.
 */
const storeQueue = (tenantId: string, storeId: string, status: string) =>
  `${tenantPartition(tenantId)}#STORE#${storeId}#REVISITS#${status}`;
const customerRevisits = (tenantId: string, customerId: string) =>
  `${tenantPartition(tenantId)}#CUSTOMER#${customerId}#REVISITS`;

export const revisitKeys = {
  revisit: (tenantId: string, revisitId: string) => ({
    pk: `${tenantPartition(tenantId)}#REVISIT#${revisitId}`,
    sk: 'REVISIT',
  }),
  views: (tenantId: string, revisit: Revisit) => ({
    sspk: storeQueue(tenantId, revisit.storeId, revisit.status),
    sssk: `${revisit.dueAt}#${revisit.id}`,
    cupk: customerRevisits(tenantId, revisit.customerId),
    cusk: `${revisit.dueAt}#${revisit.id}`,
  }),
  byStoreAndStatus: (tenantId: string, storeId: string, status: string) => ({
    indexName: 'byStoreStatus' as const,
    partitionValue: storeQueue(tenantId, storeId, status),
  }),
  byCustomer: (tenantId: string, customerId: string) => ({
    indexName: 'byCustomer' as const,
    partitionValue: customerRevisits(tenantId, customerId),
  }),
  timer: (tenantId: string, revisitId: string) => timerKey(tenantId, revisitId, 'due'),
  rules: (tenantId: string) => ({ pk: tenantPartition(tenantId), sk: 'REVISIT_RULES' }),
};
