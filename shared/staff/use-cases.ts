import { assertStoreAccess, type Principal } from '../access/principal';
import type { Page } from '../db/cursor';
import type { IdempotencyClaim } from '../db/idempotency';
import { conflict, DomainError, forbidden, invalidInput, notFound } from '../errors';
import { newId } from '../ids';
import { findStores } from '../stores/repository';
import { newStaffMember } from './model';
import {
  findStaffMember,
  insertStaffMember,
  listStaffOfStore,
  listStaffOfTenant,
  saveStaffChange,
} from './repository';
import type { CreateStaffInput, StaffMember, UpdateStaffInput } from './schema';

export async function createStaffMember(
  principal: Principal,
  input: CreateStaffInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<StaffMember> {
  if (!input.roles.includes('admin') && input.storeIds.length === 0) {
    throw invalidInput([
      { in: 'body', path: 'storeIds', message: 'Staff other than admins need at least one store.' },
    ]);
  }
  if (!principal.tenantWide) {
    // Managers staff their own stores and cannot hand out tenant-wide power.
    if (input.roles.includes('admin'))
      throw forbidden('role_grant_refused', 'Only an admin can create an admin.');
    for (const storeId of input.storeIds) assertStoreAccess(principal, storeId);
  }
  const known = new Set((await findStores(principal.tenantId, input.storeIds)).map((store) => store.id));
  const unknown = input.storeIds.flatMap((storeId, index) =>
    known.has(storeId) ? [] : [{ in: 'body' as const, path: `storeIds.${index}`, message: 'No such store.' }],
  );
  if (unknown.length > 0) {
    throw new DomainError('rule_refused', 'store_not_found', 'Some stores do not exist.', unknown);
  }
  const member = newStaffMember(input, newId(now), now);
  await insertStaffMember(principal.tenantId, member, {
    claim: idempotency,
    response: { body: member },
    now,
  });
  return member;
}

/** Edits name and contact, or links the sign-in of someone added before they had one. */
export async function updateStaff(
  principal: Principal,
  staffId: string,
  input: UpdateStaffInput,
  now: Date,
): Promise<StaffMember> {
  const member = await findStaffMember(principal.tenantId, staffId);
  if (!member) throw notFound('staff member');
  if (!principal.tenantWide) {
    if (member.roles.includes('admin'))
      throw forbidden('role_grant_refused', 'Only an admin can edit an admin.');
    for (const storeId of member.storeIds) assertStoreAccess(principal, storeId);
  }
  if (member.version !== input.version) {
    throw conflict('version_conflict', `The staff member is at version ${member.version}; read it again.`);
  }
  if (input.userId !== undefined && member.userId !== undefined && input.userId !== member.userId) {
    // Tickets and inboxes keep the subject they were given; moving it would orphan them.
    throw conflict('staff_already_linked', 'This staff member is linked to another sign-in already.');
  }
  const { version: _read, ...changes } = input;
  const next: StaffMember = {
    ...member,
    ...changes,
    updatedAt: now.toISOString(),
    version: member.version + 1,
  };
  await saveStaffChange(principal.tenantId, member, next);
  return next;
}

export async function listStaff(
  principal: Principal,
  query: { storeId?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<Page<StaffMember>> {
  if (query.storeId) {
    assertStoreAccess(principal, query.storeId);
    return listStaffOfStore(principal.tenantId, query.storeId, query.limit, query.cursor);
  }
  if (!principal.tenantWide) {
    throw invalidInput([{ in: 'query', path: 'storeId', message: 'Name the store whose staff to list.' }]);
  }
  return listStaffOfTenant(principal.tenantId, query.limit, query.cursor);
}
