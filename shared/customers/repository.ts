import { tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { atVersion, getEntity, isNew, putEntity } from '../db/items';
import { queryEntities } from '../db/query';
import {
  ConditionFailed,
  type CreateRemembered,
  type TransactionItem,
  writeTransaction,
  writeVersioned,
} from '../db/transactions';
import { conflict } from '../errors';
import { customerEntity, phoneReservationEntity, purchaseEntity } from './entities';
import type { Customer, Purchase } from './views';

/** The customer and the phone reservation that makes phones unique per tenant. */
export function customerWrites(tenantId: string, customer: Customer): TransactionItem[] {
  return [
    putEntity(phoneReservationEntity, tenantId, { phone: customer.phone, customerId: customer.id }, isNew),
    putEntity(customerEntity, tenantId, customer, isNew),
  ];
}

/** Index (within customerWrites) of the phone reservation, for callers reading ConditionFailed. */
export const phoneReservationIndex = 0;

export async function insertCustomer(tenantId: string, customer: Customer, remembered: CreateRemembered) {
  try {
    await writeTransaction(tenantId, customerWrites(tenantId, customer), remembered);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === phoneReservationIndex) {
      throw conflict(
        'customer_phone_taken',
        'A customer with this phone number already exists; look them up by phone.',
      );
    }
    throw error;
  }
}

export async function findCustomer(tenantId: string, customerId: string): Promise<Customer | undefined> {
  return getEntity(customerEntity, { tenantId, id: customerId }, { consistent: false });
}

export async function findCustomerByPhone(tenantId: string, phone: string): Promise<Customer | undefined> {
  const reservation = await getEntity(phoneReservationEntity, { tenantId, phone });
  return reservation ? findCustomer(tenantId, reservation.customerId) : undefined;
}

/** The purchase, and what rides along (its revisits and their timers), in one transaction. */
export async function insertPurchase(
  tenantId: string,
  purchase: Purchase,
  alongside: readonly TransactionItem[],
  remembered: CreateRemembered,
) {
  await writeTransaction(
    tenantId,
    [
      {
        // The customer must still exist when the purchase lands.
        ConditionCheck: {
          TableName: tableName,
          Key: customerEntity.key({ tenantId, id: purchase.customerId }),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      putEntity(purchaseEntity, tenantId, purchase, isNew),
      ...alongside,
    ],
    remembered,
  );
}

/** The write replacing a purchase, conditioned on the version read (for another area's transaction). */
export const purchaseChangeWrite = (tenantId: string, before: Purchase, after: Purchase): TransactionItem =>
  putEntity(purchaseEntity, tenantId, after, atVersion(before.version));

/** Replaces a purchase conditioned on the version read, with what rides along (its revisits). */
export async function savePurchaseChange(
  tenantId: string,
  before: Purchase,
  after: Purchase,
  alongside: readonly TransactionItem[],
) {
  await writeVersioned(tenantId, [purchaseChangeWrite(tenantId, before, after), ...alongside], 'purchase');
}

export async function findPurchase(
  tenantId: string,
  customerId: string,
  purchaseId: string,
): Promise<Purchase | undefined> {
  return getEntity(purchaseEntity, { tenantId, customerId, id: purchaseId }, { consistent: false });
}

export async function listPurchases(
  tenantId: string,
  customerId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<Purchase>> {
  return queryEntities<Purchase>({
    ...purchaseEntity.view(undefined, { tenantId, customerId }),
    ...query,
    newestFirst: true,
    list: 'customer-purchases',
    filters: { customerId },
  });
}
