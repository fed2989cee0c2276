import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { withoutKeys } from '../db/entity';
import { queryAll, queryEntities } from '../db/query';
import {
  ConditionFailed,
  type CreateRemembered,
  type TransactionItem,
  writeTransaction,
} from '../db/transactions';
import { conflict } from '../errors';
import { staffKeys } from './keys';
import type { StaffMember } from './schema';

/** The member, a membership copy per store and, when linked, the identity reservation: all or nothing. */
export async function insertStaffMember(tenantId: string, member: StaffMember, remembered: CreateRemembered) {
  const reservation: TransactionItem[] = member.userId
    ? [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...staffKeys.userReservation(tenantId, member.userId),
              entity: 'staff_user',
              staffId: member.id,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]
    : [];
  try {
    await writeTransaction(
      tenantId,
      [
        ...reservation,
        {
          Put: {
            TableName: tableName,
            Item: { ...staffKeys.member(tenantId, member.id), entity: 'staff', ...member },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...member.storeIds.map((storeId) => ({
          Put: {
            TableName: tableName,
            Item: {
              ...staffKeys.storeMembership(tenantId, storeId, member.id),
              entity: 'staff_membership',
              ...member,
              openTickets: 0,
            },
          },
        })),
      ],
      remembered,
    );
  } catch (error) {
    if (reservation.length > 0 && error instanceof ConditionFailed && error.index === 0) {
      throw conflict('staff_user_taken', 'Another staff member is already linked to this user.');
    }
    throw error;
  }
}

export async function listStaffOfTenant(
  tenantId: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<StaffMember>> {
  return queryEntities<StaffMember>({ ...staffKeys.tenantList(tenantId), limit, cursor });
}

export async function listStaffOfStore(
  tenantId: string,
  storeId: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<StaffMember>> {
  return queryEntities<StaffMember>({ ...staffKeys.storeList(tenantId, storeId), limit, cursor });
}

export async function findStaffMember(tenantId: string, staffId: string): Promise<StaffMember | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: staffKeys.member(tenantId, staffId), ConsistentRead: true }),
  );
  return Item ? withoutKeys<StaffMember>(Item) : undefined;
}

/**
 * Saves an edited member (conditioned on the version read) and its membership copies, whose
 * workload counters stay as they are; a newly linked sign-in takes its reservation in the same
 * transaction, so one sub is never linked to two members.
 */
export async function saveStaffChange(tenantId: string, before: StaffMember, after: StaffMember) {
  const linking = after.userId !== undefined && before.userId === undefined;
  const reservation: TransactionItem[] = linking
    ? [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...staffKeys.userReservation(tenantId, after.userId as string),
              entity: 'staff_user',
              staffId: after.id,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]
    : [];
  const { id: _id, roles: _roles, storeIds: _stores, createdAt: _created, ...copied } = after;
  const names = Object.keys(copied);
  try {
    await writeTransaction(tenantId, [
      ...reservation,
      {
        Put: {
          TableName: tableName,
          Item: { ...staffKeys.member(tenantId, after.id), entity: 'staff', ...after },
          ConditionExpression: 'version = :read',
          ExpressionAttributeValues: { ':read': before.version },
        },
      },
      ...after.storeIds.map(
        (storeId): TransactionItem => ({
          Update: {
            TableName: tableName,
            Key: staffKeys.storeMembership(tenantId, storeId, after.id),
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
    if (error instanceof ConditionFailed && error.index === 0 && linking) {
      throw conflict('staff_user_taken', 'Another staff member is already linked to this user.');
    }
    if (error instanceof ConditionFailed && error.index === reservation.length) {
      throw conflict('version_conflict', 'The staff member changed since it was read; read it again.');
    }
    throw error;
  }
}

/** A staff member as a member of one store, with the workload auto-dispatch balances on. */
export interface StoreMembership extends StaffMember {
  readonly openTickets: number;
  readonly lastAssignedAt?: string;
}

const asMembership = (item: Record<string, unknown>): StoreMembership => {
  const member = withoutKeys<StaffMember & { openTickets?: number; lastAssignedAt?: string }>(item);
  return { ...member, openTickets: member.openTickets ?? 0 };
};

export async function findMembership(
  tenantId: string,
  storeId: string,
  staffId: string,
): Promise<StoreMembership | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: staffKeys.storeMembership(tenantId, storeId, staffId) }),
  );
  return Item ? asMembership(Item) : undefined;
}

/** Everyone in a store (a store has tens of staff, not thousands; capped for safety). */
export async function listMemberships(tenantId: string, storeId: string): Promise<StoreMembership[]> {
  const items = await queryAll(staffKeys.storeList(tenantId, storeId), 1000);
  return items.map(asMembership);
}

/** The directory entry linked to a token subject, if any. */
export async function staffIdForUser(tenantId: string, userId: string): Promise<string | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: staffKeys.userReservation(tenantId, userId) }),
  );
  return Item?.staffId as string | undefined;
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
      Key: staffKeys.storeMembership(tenantId, storeId, change.staffId),
      UpdateExpression: assignedAt
        ? 'ADD openTickets :delta SET lastAssignedAt = :at'
        : 'ADD openTickets :delta',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':delta': change.delta, ...(assignedAt ? { ':at': assignedAt } : {}) },
    },
  };
}
