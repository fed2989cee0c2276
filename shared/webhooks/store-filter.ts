import { DomainError } from '../errors';
import { findStores } from '../stores/repository';

/** Every store a subscription names must be one of the tenant's: an unknown one is refused by name. */
export async function checkSubscriptionStores(tenantId: string, storeIds: readonly string[]): Promise<void> {
  const found = new Set((await findStores(tenantId, storeIds)).map((store) => store.id));
  const unknown = storeIds.flatMap((id, index) => (found.has(id) ? [] : [index]));
  if (unknown.length === 0) return;
  throw new DomainError(
    'rule_refused',
    'store_not_found',
    'No such store.',
    unknown.map((index) => ({ in: 'body' as const, path: `storeIds.${index}`, message: 'No such store.' })),
  );
}
