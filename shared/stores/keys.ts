import { tenantPartition } from '../db/keys';

/**
 * Stores live in the tenant partition: `T#<tenant>` / `STORE#<id>`. A code reservation item
 * (`STORE_CODE#<code>`) keeps codes unique per tenant, written in the same transaction.
 */
export const storeKeys = {
  store: (tenantId: string, storeId: string) => ({ pk: tenantPartition(tenantId), sk: `STORE#${storeId}` }),
  codeReservation: (tenantId: string, code: string) => ({
    pk: tenantPartition(tenantId),
    sk: `STORE_CODE#${code}`,
  }),
  listPartition: (tenantId: string) => ({
    partitionValue: tenantPartition(tenantId),
    sortKeyPrefix: 'STORE#',
  }),
};
