import { assertStoreAccess, type Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { listDepartmentsOf } from '../repository';
import type { ListDepartmentsQuery } from '../schema';
import type { Department } from '../views';

/** A store's departments, or the tenant-wide ones when no store is named; in creation order. */
export async function listDepartments(
  principal: Principal,
  query: ListDepartmentsQuery,
): Promise<Page<Department>> {
  if (query.storeId) assertStoreAccess(principal, query.storeId);
  return listDepartmentsOf(principal.tenantId, query.storeId ?? 'TENANT', {
    limit: query.limit,
    cursor: query.cursor,
  });
}
