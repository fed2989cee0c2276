import type { Principal } from '../../access/principal';
import { markRead } from '../inbox';
import { myStaffId } from '../my-staff-id';
import type { Notification } from '../views';

export async function readNotification(
  principal: Principal,
  notificationId: string,
  now: Date,
): Promise<Notification> {
  return markRead(principal.tenantId, await myStaffId(principal), notificationId, now);
}
