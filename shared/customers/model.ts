import type { ClosePurchaseInput, CreateCustomerInput, CreatePurchaseInput } from './schema';
import type { Customer, Purchase } from './views';

export function newCustomer(input: CreateCustomerInput, id: string, now: Date): Customer {
  const at = now.toISOString();
  return { ...input, id, createdAt: at, updatedAt: at, version: 1 };
}

export function newPurchase(input: CreatePurchaseInput, id: string, actorId: string, now: Date): Purchase {
  const at = now.toISOString();
  return {
    ...input,
    id,
    totalAmount: input.items.reduce((sum, item) => sum + item.amount * item.quantity, 0),
    status: 'active',
    createdBy: actorId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** The purchase cancelled or returned, with the reason given. */
export function applyClosure(purchase: Purchase, input: ClosePurchaseInput, now: Date): Purchase {
  return {
    ...purchase,
    status: input.status,
    statusReason: input.reason,
    updatedAt: now.toISOString(),
    version: purchase.version + 1,
  };
}
