import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { queryPage } from '../db/query';
import { failedConditionIndex, withoutKeys } from '../db/transactions';
import { conflict } from '../errors';
import { staffKeys } from './keys';
import type { StaffMember } from './schema';

/** The member, a membership copy per store and, when linked, the identity reservation: all or nothing. */
export async function insertStaffMember(tenantId: string, member: StaffMember): Promise<void> {
  const reservation = member.userId
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
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
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
              },
            },
          })),
        ],
      }),
    );
  } catch (error) {
    if (reservation.length > 0 && failedConditionIndex(error) === 0) {
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
  const page = await queryPage({ ...staffKeys.tenantList(tenantId), limit, cursor });
  return { items: page.items.map((item) => withoutKeys<StaffMember>(item)), cursor: page.cursor };
}

export async function listStaffOfStore(
  tenantId: string,
  storeId: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<StaffMember>> {
  const page = await queryPage({ ...staffKeys.storeList(tenantId, storeId), limit, cursor });
  return { items: page.items.map((item) => withoutKeys<StaffMember>(item)), cursor: page.cursor };
}
