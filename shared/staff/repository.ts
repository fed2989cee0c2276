import { tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { withoutKeys } from '../db/entity';
import { atVersion, getEntity, isNew, putEntity } from '../db/items';
import { queryAll, queryEntities } from '../db/query';
import {
  ConditionFailed,
  type CreateRemembered,
  type TransactionItem,
  writeTransaction,
} from '../db/transactions';
import { conflict, versionConflict } from '../errors';
import {
  type StoredMembership,
  signInReservationEntity,
  staffMemberEntity,
  storeMembershipEntity,
} from './entities';
import type { StaffMember } from './views';

const signInTaken = () =>
  conflict('staff_user_taken', 'Another staff member is already linked to this user.');

const reserveSignIn = (tenantId: string, userId: string, staffId: string) =>
  putEntity(signInReservationEntity, tenantId, { userId, staffId }, isNew);

/** The member, a membership copy per store and, when linked, the identity reservation: all or nothing. */
export async function insertStaffMember(tenantId: string, member: StaffMember, remembered: CreateRemembered) {
  const reservation = member.userId ? [reserveSignIn(tenantId, member.userId, member.id)] : [];
  try {
    await writeTransaction(
      tenantId,
      [
        ...reservation,
        putEntity(staffMemberEntity, tenantId, member, isNew),
        ...member.storeIds.map((storeId) =>
          putEntity(storeMembershipEntity, tenantId, { ...member, storeId, openTickets: 0 }),
        ),
      ],
      remembered,
    );
  } catch (error) {
    if (reservation.length > 0 && error instanceof ConditionFailed && error.index === 0) throw signInTaken();
    throw error;
  }
}

/** A store's copy as the API shows it: the member with its workload, not which store the copy is for. */
const asMembership = (stored: StaffMember & Partial<StoredMembership>): StoreMembership => {
  const { storeId: _store, ...member } = stored;
  return { ...member, openTickets: member.openTickets ?? 0 };
};

export async function listStaffOfTenant(
  tenantId: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<StaffMember>> {
  return queryEntities<StaffMember>({ ...staffMemberEntity.view(undefined, { tenantId }), limit, cursor });
}

export async function listStaffOfStore(
  tenantId: string,
  storeId: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<StaffMember>> {
  const page = await queryEntities<StoredMembership>({
    ...storeMembershipEntity.view(undefined, { tenantId, storeId }),
    limit,
    cursor,
  });
  return { items: page.items.map(asMembership), cursor: page.cursor };
}

export async function findStaffMember(tenantId: string, staffId: string): Promise<StaffMember | undefined> {
  return getEntity(staffMemberEntity, { tenantId, id: staffId });
}

/**
 * Saves an edited member (conditioned on the version read) and its membership copies, whose
 * workload counters stay as they are; a newly linked sign-in takes its reservation in the same
 * transaction, so one sub is never linked to two members.
 */
export async function saveStaffChange(tenantId: string, before: StaffMember, after: StaffMember) {
  const linking = after.userId !== undefined && before.userId === undefined;
  const reservation = linking ? [reserveSignIn(tenantId, after.userId as string, after.id)] : [];
  const { id: _id, roles: _roles, storeIds: _stores, createdAt: _created, ...copied } = after;
  const names = Object.keys(copied);
  try {
    await writeTransaction(tenantId, [
      ...reservation,
      putEntity(staffMemberEntity, tenantId, after, atVersion(before.version)),
      ...after.storeIds.map(
        (storeId): TransactionItem => ({
          Update: {
            TableName: tableName,
            Key: storeMembershipEntity.key({ tenantId, storeId, id: after.id }),
            UpdateExpression: `SET ${names.map((_, index) => `#f${index} = :f${index}`).join(', ')}`,
            ExpressionAttributeNames: Object.fromEntries(names.map((name, index) => [`#f${index}`, name])),
            ExpressionAttributeValues: Object.fromEntries(
              names.map((name, index) => [`:f${index}`, copied[name as keyof typeof copied]]),
            ),
            ConditionExpression: 'attribute_exists(pk)',
          },
        }),
      ),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0 && linking) throw signInTaken();
    if (error instanceof ConditionFailed && error.index === reservation.length) {
      throw versionConflict('staff member');
    }
    throw error;
  }
}

/** A staff member as a member of one store, with the workload auto-dispatch balances on. */
export interface StoreMembership extends StaffMember {
  readonly openTickets: number;
  readonly lastAssignedAt?: string;
}

export async function findMembership(
  tenantId: string,
  storeId: string,
  staffId: string,
): Promise<StoreMembership | undefined> {
  const item = await getEntity(
    storeMembershipEntity,
    { tenantId, storeId, id: staffId },
    { consistent: false },
  );
  return item ? asMembership(item) : undefined;
}

/** Everyone in a store (a store has tens of staff, not thousands; capped for safety). */
export async function listMemberships(tenantId: string, storeId: string): Promise<StoreMembership[]> {
  const items = await queryAll(storeMembershipEntity.view(undefined, { tenantId, storeId }), 1000);
  return items.map((item) => asMembership(withoutKeys<StoredMembership>(item)));
}

/** The directory entry linked to a token subject, if any. */
export async function staffIdForUser(tenantId: string, userId: string): Promise<string | undefined> {
  const reservation = await getEntity(signInReservationEntity, { tenantId, userId }, { consistent: false });
  return reservation?.staffId;
}

/** Transaction item moving a member's open-ticket count; dispatch also stamps when they got one. */
export function workloadWrite(
  tenantId: string,
  storeId: string,
  change: { staffId: string; delta: number },
  assignedAt: string | undefined,
): TransactionItem {
  return {
    Update: {
      TableName: tableName,
      Key: storeMembershipEntity.key({ tenantId, storeId, id: change.staffId }),
      UpdateExpression: assignedAt
        ? 'ADD openTickets :delta SET lastAssignedAt = :at'
        : 'ADD openTickets :delta',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':delta': change.delta, ...(assignedAt ? { ':at': assignedAt } : {}) },
    },
  };
}
