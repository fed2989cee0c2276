import type { Principal } from '../../access/principal';
import { invalidInput } from '../../errors';
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
  if (input.serviceCenter && !department.storeId) {
    throw invalidInput([
      { in: 'body', path: 'serviceCenter', message: 'A service center is a department of a store.' },
    ]);
  }
  if (input.members) await assertMembers(principal.tenantId, department.storeId, input.members);
  const { version, serviceCenter, ...changes } = input;
  const { serviceCenter: _was, ...unflagged } = department;
  const next: Department = {
    ...(serviceCenter === false ? unflagged : department),
    ...changes,
    ...(serviceCenter ? { serviceCenter: true } : {}),
    updatedAt: now.toISOString(),
    version: department.version + 1,
  };
  await saveDepartment(principal.tenantId, next, department.version);
  return next;
}
