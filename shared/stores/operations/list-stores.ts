import type { Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { invalidInput } from '../../errors';
import { findStores, storesOfTenant } from '../repository';
import type { ListStoresQuery } from '../schema';
import type { Store } from '../views';

/** Admins page through the tenant; everyone else sees the stores of their token, in one page. */
export async function listStores(principal: Principal, query: ListStoresQuery): Promise<Page<Store>> {
  if (principal.tenantWide) return storesOfTenant(principal.tenantId, query.limit, query.cursor);
  // Their list is one page and hands out no cursor, so any cursor sent back is not from it.
  if (query.cursor !== undefined) {
    throw invalidInput(
      [{ in: 'query', path: 'cursor', message: 'Not a cursor from this list.' }],
      'The cursor does not belong to this list.',
    );
  }
  return { items: await findStores(principal.tenantId, principal.storeIds.slice(0, 100)), cursor: null };
}
