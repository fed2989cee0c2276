import type { Principal } from '../access/principal';
import { notInDirectory } from '../staff/linking';
import { staffIdForUser } from '../staff/repository';

/** "Me" is the staff directory entry linked to the token's subject (staff `userId`). */
export async function myStaffId(principal: Principal): Promise<string> {
  const staffId = await staffIdForUser(principal.tenantId, principal.userId);
  if (!staffId) throw notInDirectory(principal.userId);
  return staffId;
}
