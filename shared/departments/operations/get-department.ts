import type { Principal } from '../../access/principal';
import { departmentInScope } from '../access';
import type { Department } from '../views';

export async function getDepartment(principal: Principal, departmentId: string): Promise<Department> {
  return departmentInScope(principal, departmentId);
}
