import { assertStoreAccess, type Principal } from '../../access/principal';
import { conflict, forbidden, notFound, versionConflict } from '../../errors';
import { findStaffMember, saveStaffChange } from '../repository';
import type { UpdateStaffInput } from '../schema';
import type { StaffMember } from '../views';

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
  if (member.version !== input.version) throw versionConflict('staff member');
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
