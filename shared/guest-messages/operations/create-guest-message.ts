import type { Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { frontOfficeStore } from '../../front-office/desk';
import { newId } from '../../ids';
import { newGuestMessage } from '../model';
import { guestMessageWrites, saveGuestMessages } from '../repository';
import type { CreateGuestMessageInput } from '../schema';
import type { GuestMessage } from '../views';

/** Takes a message for a room or guest (宾客留言单), with a reminder if it is still undelivered later. */
export async function createGuestMessage(
  principal: Principal,
  input: CreateGuestMessageInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<GuestMessage> {
  const { settings } = await frontOfficeStore(principal, input.storeId);
  const message = newGuestMessage({
    id: newId(now),
    input,
    reminderMinutes: settings.messages.reminderMinutes,
    actorId: principal.userId,
    now,
  });
  await saveGuestMessages(principal.tenantId, guestMessageWrites(principal.tenantId, message), {
    claim: idempotency,
    response: { body: message },
    now,
  });
  return message;
}
