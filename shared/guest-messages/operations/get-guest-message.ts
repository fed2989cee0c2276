import type { Principal } from '../../access/principal';
import { guestMessageInScope } from '../lookups';
import type { GuestMessage } from '../views';

export async function getGuestMessage(principal: Principal, guestMessageId: string): Promise<GuestMessage> {
  return guestMessageInScope(principal, guestMessageId);
}
