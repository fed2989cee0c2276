import { writeTransaction } from '../db/transactions';
import { staffToTell } from '../front-office/desk';
import { newId } from '../ids';
import { notificationWrite } from '../notifications/inbox';
import { dropTimerWrite, findTimer, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { luggageTimerOf, markUnclaimed } from './model';
import { findLuggage, luggageWrites } from './repository';

/**
 * Luggage is still in the luggage room long after its expected pick-up: the desk on duty is
 * reminded, once. Conditioned on the record's version and the timer's dispatched generation,
 * like every timer consumer.
 */
export async function fireLuggageTimer(
  message: TimerMessage,
  now: Date,
): Promise<'applied' | 'stale' | 'duplicate'> {
  const key = { pk: message.pk, sk: message.sk };
  const timer = await findTimer(key);
  if (!timer || timer.generation !== message.generation || timer.state !== 'dispatched') return 'stale';
  const luggage = await findLuggage(timer.tenantId, timer.subjectId);
  const wanted = luggage ? luggageTimerOf(luggage) : undefined;
  if (!luggage || wanted?.stage !== timer.stage || wanted.dueAt !== timer.dueAt) {
    await unlessAlreadyDone(message, () =>
      writeTransaction(timer.tenantId, [dropTimerWrite(key, timer.generation)]),
    );
    return 'stale';
  }
  const reminded = markUnclaimed(luggage, now);
  const desk = await staffToTell(timer.tenantId, luggage.storeId, 'desk');
  const at = now.toISOString();
  const applied = await unlessAlreadyDone(message, () =>
    writeTransaction(timer.tenantId, [
      ...luggageWrites(timer.tenantId, reminded, luggage, timer.generation),
      ...desk.map((staffId) =>
        notificationWrite(timer.tenantId, {
          id: newId(now),
          staffId,
          kind: 'luggage_unclaimed',
          storeId: luggage.storeId,
          luggageId: luggage.id,
          tagNumber: luggage.tagNumber,
          guestName: luggage.guestName,
          dueAt: luggage.unclaimedAt,
          at,
        }),
      ),
    ]),
  );
  return applied ? 'applied' : 'duplicate';
}
