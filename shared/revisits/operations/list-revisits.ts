import { assertStoreAccess, type Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { invalidInput } from '../../errors';
import { revisitEntity } from '../entities';
import { listRevisitsInView } from '../repository';
import type { ListRevisitsQuery } from '../schema';
import type { Revisit } from '../views';

/** The work queue: a store's revisits in one status, oldest due first. */
export async function listRevisits(principal: Principal, query: ListRevisitsQuery): Promise<Page<Revisit>> {
  const storeId = query.storeId ?? (principal.storeIds.length === 1 ? principal.storeIds[0] : undefined);
  if (!storeId)
    throw invalidInput([{ in: 'query', path: 'storeId', message: 'Name the store whose revisits to list.' }]);
  assertStoreAccess(principal, storeId);
  return listRevisitsInView(
    revisitEntity.view('byStoreStatus', { tenantId: principal.tenantId, storeId, status: query.status }),
    {
      limit: query.limit,
      cursor: query.cursor,
      list: 'revisits',
      filters: { storeId, status: query.status },
    },
  );
}
