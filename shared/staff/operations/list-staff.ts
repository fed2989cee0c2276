import { assertStoreAccess, type Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { invalidInput } from '../../errors';
import { listStaffOfStore, listStaffOfTenant } from '../repository';
import type { ListStaffQuery } from '../schema';
import type { StaffMember } from '../views';

/** A store's staff for anyone who may see the store; the whole tenant's only for tenant-wide callers. */
export async function listStaff(principal: Principal, query: ListStaffQuery): Promise<Page<StaffMember>> {
  if (query.storeId) {
    assertStoreAccess(principal, query.storeId);
    return listStaffOfStore(principal.tenantId, query.storeId, query.limit, query.cursor);
  }
  if (!principal.tenantWide) {
    throw invalidInput([{ in: 'query', path: 'storeId', message: 'Name the store whose staff to list.' }]);
  }
  return listStaffOfTenant(principal.tenantId, query.limit, query.cursor);
}
