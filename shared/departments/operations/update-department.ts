import type { Principal } from '../../access/principal';
import { assertMayManage, departmentInScope } from '../access';
import { assertMembers, saveDepartment } from '../repository';
import type { UpdateDepartmentInput } from '../schema';
import type { Department } from '../views';

/** Renames a department or replaces its members, at the version the caller read. */
export async function updateDepartment(
  principal: Principal,
  departmentId: string,
  input: UpdateDepartmentInput,
  now: Date,
): Promise<Department> {
  const department = await departmentInScope(principal, departmentId, input.version);
  assertMayManage(principal, department.storeId);
  if (input.members) await assertMembers(principal.tenantId, department.storeId, input.members);
  const { version, ...changes } = input;
  const next: Department = {
    ...department,
    ...changes,
    updatedAt: now.toISOString(),
    version: department.version + 1,
  };
  await saveDepartment(principal.tenantId, next, department.version);
  return next;
}
