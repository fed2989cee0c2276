import type { Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { storeOfCaller } from '../../stores/store-access';
import { guestMessagesOfStore } from '../repository';
import type { ListGuestMessagesQuery } from '../schema';
import type { GuestMessage } from '../views';

/** A store's messages in one status (by default those undelivered), oldest first. */
export async function listGuestMessages(
  principal: Principal,
  query: ListGuestMessagesQuery,
): Promise<Page<GuestMessage>> {
  await storeOfCaller(principal, query.storeId);
  return guestMessagesOfStore(principal.tenantId, query.storeId, query.status, {
    limit: query.limit,
    cursor: query.cursor,
  });
}
