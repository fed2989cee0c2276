import { defineEntity } from '../db/entity';
import type { StaffMember } from './views';

/** A staff directory entry, in the tenant partition so the tenant's staff are one Query. */
export const staffMemberEntity = /* @__PURE__ */ defineEntity<StaffMember>({
  tag: 'staff',
  about: 'A staff directory entry, listed across the tenant by its STAFF# prefix.',
  key: { pk: 'T#{tenantId}', sk: 'STAFF#{id}' },
});

/**
 * A copy of the member per store they work in, so "staff of a store" is one Query, carrying the
 * workload auto-dispatch balances on. `storeId` says which store the copy is for.
 */
export interface StoredMembership extends StaffMember {
  readonly storeId: string;
  readonly openTickets: number;
  readonly lastAssignedAt?: string;
}

export const storeMembershipEntity = /* @__PURE__ */ defineEntity<StoredMembership>({
  tag: 'staff_membership',
  about: 'A staff member as a member of one store, with the open-ticket count dispatch balances on.',
  key: { pk: 'T#{tenantId}#STORE#{storeId}', sk: 'STAFF#{id}' },
});

export interface SignInReservation {
  readonly userId: string;
  readonly staffId: string;
}

/** Links one sign-in (token `sub`) to at most one staff member; written with the link. */
export const signInReservationEntity = /* @__PURE__ */ defineEntity<SignInReservation>({
  tag: 'staff_user',
  about: 'Reserves a sign-in (token sub) for the one staff member it is linked to.',
  key: { pk: 'T#{tenantId}', sk: 'STAFF_USER#{userId}' },
});
