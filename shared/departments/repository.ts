import type { Page } from '../db/cursor';
import { withoutKeys } from '../db/entity';
import { atVersion, getEntity, isNew, putEntity } from '../db/items';
import { getItems, queryEntities } from '../db/query';
import { type CreateRemembered, writeVersioned } from '../db/transactions';
import { DomainError } from '../errors';
import { staffMemberEntity } from '../staff/entities';
import type { StaffMember } from '../staff/views';
import { departmentEntity } from './entities';
import type { Department } from './views';

export async function findDepartment(tenantId: string, id: string): Promise<Department | undefined> {
  return getEntity(departmentEntity, { tenantId, id });
}

/** Writes a department: new (with the idempotency record of its create) or at the version read. */
export async function saveDepartment(
  tenantId: string,
  department: Department,
  readVersion: number,
  remembered?: CreateRemembered,
): Promise<void> {
  await writeVersioned(
    tenantId,
    [putEntity(departmentEntity, tenantId, department, readVersion === 0 ? isNew : atVersion(readVersion))],
    'department',
    remembered,
  );
}

export async function listDepartmentsOf(
  tenantId: string,
  scope: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<Department>> {
  return queryEntities<Department>({
    ...departmentEntity.view('byStore', { tenantId, scope }),
    ...page,
    list: 'departments',
    filters: { scope },
  });
}

/**
 * Every member must be in the tenant's staff directory and, for a store's department, work in
 * that store (admins are tenant-wide). Refused naming each bad entry; nothing is written.
 */
export async function assertMembers(
  tenantId: string,
  storeId: string | undefined,
  members: readonly string[],
): Promise<void> {
  if (members.length === 0) return;
  const found = new Map(
    (await getItems(members.map((id) => staffMemberEntity.key({ tenantId, id })))).map((item) => {
      const member = withoutKeys<StaffMember>(item);
      return [member.id, member];
    }),
  );
  const issues = members.flatMap((id, index) => {
    const member = found.get(id);
    if (!member) return [{ in: 'body' as const, path: `members.${index}`, message: 'No such staff member.' }];
    if (storeId && !member.storeIds.includes(storeId) && !member.roles.includes('admin')) {
      return [
        { in: 'body' as const, path: `members.${index}`, message: 'Not a member of the department’s store.' },
      ];
    }
    return [];
  });
  if (issues.length > 0) {
    throw new DomainError(
      'rule_refused',
      'staff_not_found',
      'Some members are not staff of this store.',
      issues,
    );
  }
}
