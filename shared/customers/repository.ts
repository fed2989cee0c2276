import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { withoutKeys } from '../db/entity';
import { queryEntities } from '../db/query';
import {
  ConditionFailed,
  type CreateRemembered,
  type TransactionItem,
  writeTransaction,
} from '../db/transactions';
import { conflict } from '../errors';
import { customerKeys } from './keys';
import type { Customer, Purchase } from './schema';

/** The customer and the phone reservation that makes phones unique per tenant. */
export function customerWrites(tenantId: string, customer: Customer): TransactionItem[] {
  return [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...customerKeys.phone(tenantId, customer.phone),
          entity: 'customer_phone',
          customerId: customer.id,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...customerKeys.customer(tenantId, customer.id), entity: 'customer', ...customer },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
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
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: customerKeys.customer(tenantId, customerId) }),
  );
  return Item ? withoutKeys<Customer>(Item) : undefined;
}

export async function findCustomerByPhone(tenantId: string, phone: string): Promise<Customer | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: customerKeys.phone(tenantId, phone), ConsistentRead: true }),
  );
  return Item ? findCustomer(tenantId, Item.customerId as string) : undefined;
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
          Key: customerKeys.customer(tenantId, purchase.customerId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: {
            ...customerKeys.purchase(tenantId, purchase.customerId, purchase.id),
            entity: 'purchase',
            ...purchase,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...alongside,
    ],
    remembered,
  );
}

/** Replaces a purchase conditioned on the version read, with what rides along. */
export async function savePurchaseChange(
  tenantId: string,
  before: Purchase,
  after: Purchase,
  alongside: readonly TransactionItem[],
) {
  try {
    await writeTransaction(tenantId, [
      {
        Put: {
          TableName: tableName,
          Item: {
            ...customerKeys.purchase(tenantId, after.customerId, after.id),
            entity: 'purchase',
            ...after,
          },
          ConditionExpression: 'version = :read',
          ExpressionAttributeValues: { ':read': before.version },
        },
      },
      ...alongside,
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed) {
      throw conflict('version_conflict', 'The purchase or one of its revisits changed meanwhile; retry.');
    }
    throw error;
  }
}

export async function findPurchase(
  tenantId: string,
  customerId: string,
  purchaseId: string,
): Promise<Purchase | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: customerKeys.purchase(tenantId, customerId, purchaseId) }),
  );
  return Item ? withoutKeys<Purchase>(Item) : undefined;
}

export async function listPurchases(
  tenantId: string,
  customerId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<Purchase>> {
  return queryEntities<Purchase>({
    ...customerKeys.purchases(tenantId, customerId),
    ...query,
    newestFirst: true,
    list: 'customer-purchases',
    filters: { customerId },
  });
}
