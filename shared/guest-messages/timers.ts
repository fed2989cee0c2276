import { writeTransaction } from '../db/transactions';
import { staffToTell } from '../front-office/desk';
import { newId } from '../ids';
import { notificationWrite } from '../notifications/inbox';
import { dropTimerWrite, findTimer, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { guestMessageTimerOf, markUndeliveredReminded } from './model';
import { findGuestMessage, guestMessageWrites } from './repository';

/**
 * A guest message is still undelivered at its reminder time: the desk on duty is reminded, once.
 * Conditioned on the message's version and the timer's dispatched generation, like every timer
 * consumer; a message delivered meanwhile has dropped its timer, so nothing fires.
 */
export async function fireGuestMessageTimer(
  message: TimerMessage,
  now: Date,
): Promise<'applied' | 'stale' | 'duplicate'> {
  const key = { pk: message.pk, sk: message.sk };
  const timer = await findTimer(key);
  if (!timer || timer.generation !== message.generation || timer.state !== 'dispatched') return 'stale';
  const guestMessage = await findGuestMessage(timer.tenantId, timer.subjectId);
  const wanted = guestMessage ? guestMessageTimerOf(guestMessage) : undefined;
  if (!guestMessage || wanted?.stage !== timer.stage || wanted.dueAt !== timer.dueAt) {
    await unlessAlreadyDone(message, () =>
      writeTransaction(timer.tenantId, [dropTimerWrite(key, timer.generation)]),
    );
    return 'stale';
  }
  const reminded = markUndeliveredReminded(guestMessage, now);
  const desk = await staffToTell(timer.tenantId, guestMessage.storeId, 'desk');
  const at = now.toISOString();
  const applied = await unlessAlreadyDone(message, () =>
    writeTransaction(timer.tenantId, [
      ...guestMessageWrites(timer.tenantId, reminded, guestMessage, timer.generation),
      ...desk.map((staffId) =>
        notificationWrite(timer.tenantId, {
          id: newId(now),
          staffId,
          kind: 'guest_message_undelivered',
          storeId: guestMessage.storeId,
          guestMessageId: guestMessage.id,
          ...(guestMessage.room ? { room: guestMessage.room } : {}),
          ...(guestMessage.guestName ? { guestName: guestMessage.guestName } : {}),
          dueAt: guestMessage.remindAt,
          at,
        }),
      ),
    ]),
  );
  return applied ? 'applied' : 'duplicate';
}
