import type { Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { listInbox } from '../inbox';
import { myStaffId } from '../my-staff-id';
import type { ListNotificationsQuery } from '../schema';
import type { Notification } from '../views';

/** The caller's own inbox, newest first. */
export async function listNotifications(
  principal: Principal,
  query: ListNotificationsQuery,
): Promise<Page<Notification>> {
  return listInbox(principal.tenantId, await myStaffId(principal), query);
}
