import { defineEntity } from '../db/entity';
import type { Customer, Purchase } from './views';

/**
 * A customer owns a partition: the customer item and their purchases (`PURCHASE#<id>`), so a
 * customer's purchase history is one Query. The phone reservation keeps phones unique per
 * tenant and is the lookup by phone.
 */
export const customerEntity = /* @__PURE__ */ defineEntity<Customer>({
  tag: 'customer',
  about: 'A customer of the tenant (any of its stores); owns a partition with their purchases.',
  key: { pk: 'T#{tenantId}#CUSTOMER#{id}', sk: 'CUSTOMER' },
});

export interface PhoneReservation {
  /** Normalised (shared/customers/phone.ts). */
  readonly phone: string;
  readonly customerId: string;
}

export const phoneReservationEntity = /* @__PURE__ */ defineEntity<PhoneReservation>({
  tag: 'customer_phone',
  about: 'Reserves a normalised phone for one customer: phones are unique per tenant; the lookup by phone.',
  key: { pk: 'T#{tenantId}#PHONE#{phone}', sk: 'CUSTOMER' },
});

export const purchaseEntity = /* @__PURE__ */ defineEntity<Purchase>({
  tag: 'purchase',
  about: 'A purchase, in its customer’s partition: a customer’s purchases in one Query.',
  key: { pk: 'T#{tenantId}#CUSTOMER#{customerId}', sk: 'PURCHASE#{id}' },
});
