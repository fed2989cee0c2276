import type { Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { DomainError } from '../../errors';
import { newId } from '../../ids';
import { findStore } from '../../stores/repository';
import { assertMayManage } from '../access';
import { assertMembers, saveDepartment } from '../repository';
import type { CreateDepartmentInput } from '../schema';
import type { Department } from '../views';

/** A department (部门) of a store, or of the whole tenant, with the staff responsible in it. */
export async function createDepartment(
  principal: Principal,
  input: CreateDepartmentInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<Department> {
  const { tenantId } = principal;
  assertMayManage(principal, input.storeId);
  if (input.storeId && !(await findStore(tenantId, input.storeId))) {
    throw new DomainError('rule_refused', 'store_not_found', 'No such store.', [
      { in: 'body', path: 'storeId', message: 'No such store.' },
    ]);
  }
  const members = input.members ?? [];
  await assertMembers(tenantId, input.storeId, members);
  const at = now.toISOString();
  const department: Department = {
    id: newId(now),
    ...(input.storeId ? { storeId: input.storeId } : {}),
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    members,
    ...(input.serviceCenter ? { serviceCenter: true } : {}),
    createdBy: principal.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await saveDepartment(tenantId, department, 0, { claim: idempotency, response: { body: department }, now });
  return department;
}
