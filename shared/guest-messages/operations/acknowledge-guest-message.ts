import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { guestMessageInScope } from '../lookups';
import { applyAcknowledgement } from '../model';
import { guestMessageWrites, saveGuestMessages } from '../repository';
import type { AcknowledgeGuestMessageInput } from '../schema';
import type { GuestMessage } from '../views';

/** The guest has read the message: recorded, and its reminder, if still pending, dropped. */
export async function acknowledgeGuestMessage(
  principal: Principal,
  guestMessageId: string,
  input: AcknowledgeGuestMessageInput,
  now: Date,
): Promise<GuestMessage> {
  const before = await guestMessageInScope(principal, guestMessageId);
  if (before.version !== input.version) throw versionConflict('guest message');
  const after = applyAcknowledgement(before, input, { actorId: principal.userId, now });
  await saveGuestMessages(principal.tenantId, guestMessageWrites(principal.tenantId, after, before));
  return after;
}
