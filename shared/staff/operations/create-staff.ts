import { assertStoreAccess, type Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { DomainError, forbidden, invalidInput } from '../../errors';
import { newId } from '../../ids';
import { findStores } from '../../stores/repository';
import { newStaffMember } from '../model';
import { insertStaffMember } from '../repository';
import type { CreateStaffInput } from '../schema';
import type { StaffMember } from '../views';

export async function createStaff(
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
