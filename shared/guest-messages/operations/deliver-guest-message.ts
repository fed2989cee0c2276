import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { guestMessageInScope } from '../lookups';
import { applyDelivery } from '../model';
import { guestMessageWrites, saveGuestMessages } from '../repository';
import type { DeliverGuestMessageInput } from '../schema';
import type { GuestMessage } from '../views';

/** The message reached the room: recorded, and its reminder, if still pending, dropped. */
export async function deliverGuestMessage(
  principal: Principal,
  guestMessageId: string,
  input: DeliverGuestMessageInput,
  now: Date,
): Promise<GuestMessage> {
  const before = await guestMessageInScope(principal, guestMessageId);
  if (before.version !== input.version) throw versionConflict('guest message');
  const after = applyDelivery(before, input, { actorId: principal.userId, now });
  await saveGuestMessages(principal.tenantId, guestMessageWrites(principal.tenantId, after, before));
  return after;
}
