import { tenantPartition } from '../db/keys';

/**
 * A staff member is one item in the tenant partition plus one membership copy per store
 * (`T#<tenant>#STORE#<store>` / `STAFF#<id>`), so "staff of a store" is a single Query.
 */
export const staffKeys = {
  member: (tenantId: string, staffId: string) => ({ pk: tenantPartition(tenantId), sk: `STAFF#${staffId}` }),
  storeMembership: (tenantId: string, storeId: string, staffId: string) => ({
    pk: storePartition(tenantId, storeId),
    sk: `STAFF#${staffId}`,
  }),
  userReservation: (tenantId: string, userId: string) => ({
    pk: tenantPartition(tenantId),
    sk: `STAFF_USER#${userId}`,
  }),
  tenantList: (tenantId: string) => ({ partitionValue: tenantPartition(tenantId), sortKeyPrefix: 'STAFF#' }),
  storeList: (tenantId: string, storeId: string) => ({
    partitionValue: storePartition(tenantId, storeId),
    sortKeyPrefix: 'STAFF#',
  }),
};

const storePartition = (tenantId: string, storeId: string) => `${tenantPartition(tenantId)}#STORE#${storeId}`;
