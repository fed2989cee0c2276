import { writeTransaction } from '../db/transactions';
import { staffToTell } from '../front-office/desk';
import { newId } from '../ids';
import { notificationWrite } from '../notifications/inbox';
import { dropTimerWrite, findTimer, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { lostItemTimerOf, markRetentionEnded } from './model';
import { findLostItem, lostItemWrites } from './repository';

/**
 * A found item's retention is over: the desk and the duty managers are reminded, once, to
 * dispose of it or hand it to the police. Conditioned on the item's version and the timer's
 * dispatched generation, like every timer consumer.
 */
export async function fireLostItemTimer(
  message: TimerMessage,
  now: Date,
): Promise<'applied' | 'stale' | 'duplicate'> {
  const key = { pk: message.pk, sk: message.sk };
  const timer = await findTimer(key);
  if (!timer || timer.generation !== message.generation || timer.state !== 'dispatched') return 'stale';
  const item = await findLostItem(timer.tenantId, timer.subjectId);
  const wanted = item ? lostItemTimerOf(item) : undefined;
  if (!item || wanted?.stage !== timer.stage || wanted.dueAt !== timer.dueAt) {
    await unlessAlreadyDone(message, () =>
      writeTransaction(timer.tenantId, [dropTimerWrite(key, timer.generation)]),
    );
    return 'stale';
  }
  const reminded = markRetentionEnded(item, now);
  const [desk, managers] = await Promise.all([
    staffToTell(timer.tenantId, item.storeId, 'desk'),
    staffToTell(timer.tenantId, item.storeId, 'duty_managers'),
  ]);
  const at = now.toISOString();
  const applied = await unlessAlreadyDone(message, () =>
    writeTransaction(timer.tenantId, [
      ...lostItemWrites(timer.tenantId, reminded, item, timer.generation),
      ...[...new Set([...desk, ...managers])].map((staffId) =>
        notificationWrite(timer.tenantId, {
          id: newId(now),
          staffId,
          kind: 'lost_item_retention_ended',
          storeId: item.storeId,
          lostItemId: item.id,
          description: item.description,
          category: item.category,
          dueAt: item.retainUntil,
          at,
        }),
      ),
    ]),
  );
  return applied ? 'applied' : 'duplicate';
}
