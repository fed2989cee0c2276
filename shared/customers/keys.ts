import { tenantPartition } from '../db/keys';

/**
 * A customer owns a partition: the customer item and their purchases (`PURCHASE#<id>`), so a
 * customer's purchase history is one Query. The phone reservation keeps phones unique per
 * tenant and is the lookup by phone.
 */
const customerPartition = (tenantId: string, customerId: string) =>
  `${tenantPartition(tenantId)}#CUSTOMER#${customerId}`;

export const customerKeys = {
  customer: (tenantId: string, customerId: string) => ({
    pk: customerPartition(tenantId, customerId),
    sk: 'CUSTOMER',
  }),
  phone: (tenantId: string, phone: string) => ({
    pk: `${tenantPartition(tenantId)}#PHONE#${phone}`,
    sk: 'CUSTOMER',
  }),
  purchase: (tenantId: string, customerId: string, purchaseId: string) => ({
    pk: customerPartition(tenantId, customerId),
    sk: `PURCHASE#${purchaseId}`,
  }),
  purchases: (tenantId: string, customerId: string) => ({
    partitionValue: customerPartition(tenantId, customerId),
    sortKeyPrefix: 'PURCHASE#',
  }),
};
