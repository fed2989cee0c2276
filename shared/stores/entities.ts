import { defineEntity } from '../db/entity';
import type { Store } from './views';

/** A store, in the tenant partition so a tenant's stores are one Query. */
export const storeEntity = /* @__PURE__ */ defineEntity<Store>({
  tag: 'store',
  about: 'A store of the tenant, listed from the tenant partition by its STORE# prefix.',
  key: { pk: 'T#{tenantId}', sk: 'STORE#{id}' },
});

export interface StoreCodeReservation {
  readonly code: string;
  readonly storeId: string;
}

/** Keeps store codes unique per tenant: written with the store in one transaction. */
export const storeCodeEntity = /* @__PURE__ */ defineEntity<StoreCodeReservation>({
  tag: 'store_code',
  about: 'Reserves a store code in the tenant, written in the same transaction as the store.',
  key: { pk: 'T#{tenantId}', sk: 'STORE_CODE#{code}' },
});
