import { assertStoreAccess, type Principal } from '../access/principal';
import { notFound } from '../errors';
import { findGuestMessage } from './repository';
import type { GuestMessage } from './views';

/** The message, if it is this tenant's (else 404) and in the caller's stores (else 403). */
export async function guestMessageInScope(principal: Principal, id: string): Promise<GuestMessage> {
  const message = await findGuestMessage(principal.tenantId, id);
  if (!message) throw notFound('guest_message');
  assertStoreAccess(principal, message.storeId);
  return message;
}
