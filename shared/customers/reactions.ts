import type { TransactionItem } from '../db/transactions';
import type { Store } from '../stores/views';
import type { Purchase } from './views';

/**
 * What other areas do when a purchase is recorded or closed (its revisits), supplied by
 * shared/flows/ so that customers never import them. Taken by `createPurchase` and `closePurchase`.
 */
export interface PurchaseReactions {
  /** Writes that land with a recorded purchase, and what the caller is told of them. */
  readonly recorded: (
    tenantId: string,
    purchase: Purchase,
    store: Store,
    actorId: string,
    now: Date,
  ) => Promise<{
    readonly writes: readonly TransactionItem[];
    readonly revisits: readonly { id: string; kind: string; dueAt: string }[];
  }>;
  /** Writes that land with a purchase that was cancelled or returned. */
  readonly closed: (
    tenantId: string,
    purchase: Purchase,
    reason: string,
    actorId: string,
    now: Date,
  ) => Promise<readonly TransactionItem[]>;
}
