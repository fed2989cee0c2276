import { assertStoreAccess, type Principal } from '../access/principal';
import { forbidden, notFound, versionConflict } from '../errors';
import { findDepartment } from './repository';
import type { Department } from './views';

/** Tenant-wide departments are the tenant's: only tenant-wide staff (admins) change them. */
export function assertMayManage(principal: Principal, storeId: string | undefined): void {
  if (storeId) assertStoreAccess(principal, storeId);
  else if (!principal.tenantWide) {
    throw forbidden('tenant_wide_only', 'Only tenant-wide staff (admins) manage tenant-wide departments.');
  }
}

/** The department, if it is this tenant's (else 404) and visible to the caller (else 403). */
export async function departmentInScope(
  principal: Principal,
  departmentId: string,
  readVersion?: number,
): Promise<Department> {
  const department = await findDepartment(principal.tenantId, departmentId);
  if (!department) throw notFound('department');
  if (department.storeId) assertStoreAccess(principal, department.storeId);
  if (readVersion !== undefined && readVersion !== department.version) throw versionConflict('department');
  return department;
}
