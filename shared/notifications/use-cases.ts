import type { Principal } from '../access/principal';
import type { Page } from '../db/cursor';
import { notInDirectory } from '../staff/linking';
import { staffIdForUser } from '../staff/repository';
import { listInbox, markRead, type Notification } from './inbox';

/** "Me" is the staff directory entry linked to the token's subject (staff `userId`). */
async function myStaffId(principal: Principal): Promise<string> {
  const staffId = await staffIdForUser(principal.tenantId, principal.userId);
  if (!staffId) {
    throw notInDirectory(principal.userId);
  }
  return staffId;
}

export async function myNotifications(
  principal: Principal,
  query: { limit: number; cursor?: string | undefined; unread?: 'true' | 'false' | undefined },
): Promise<Page<Notification>> {
  return listInbox(principal.tenantId, await myStaffId(principal), query);
}

export async function markMyNotificationRead(principal: Principal, notificationId: string, now: Date) {
  return markRead(principal.tenantId, await myStaffId(principal), notificationId, now);
}
