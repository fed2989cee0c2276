import { writeTransaction } from '../db/transactions';
import { newId } from '../ids';
import { type Notification, notificationWrite } from '../notifications/inbox';
import { listMemberships } from '../staff/repository';
import { dropTimerWrite, findTimer, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { markExited, markHoldEnded } from './model';
import { findMerchant, merchantWrites } from './repository';

/**
 * A merchant's timer: at the end of the exit notice the merchant is exited and its deposit hold
 * begins; at the end of the hold the store's supervisors and managers are reminded that the
 * deposit may now be settled. Idempotent: every write is conditioned on the generation fired.
 */
export async function fireMerchantTimer(
  message: TimerMessage,
  now: Date,
): Promise<'applied' | 'stale' | 'duplicate'> {
  const key = { pk: message.pk, sk: message.sk };
  const timer = await findTimer(key);
  if (!timer || timer.generation !== message.generation || timer.state !== 'dispatched') return 'stale';
  const merchant = await findMerchant(timer.tenantId, timer.subjectId);
  const { tenantId } = timer;
  let writes = undefined as ReturnType<typeof merchantWrites> | undefined;
  if (merchant?.status === 'exiting' && merchant.exitAt === timer.dueAt) {
    writes = merchantWrites(tenantId, markExited(merchant, now), merchant, timer.generation);
  } else if (merchant?.status === 'exited' && !merchant.holdEndedAt && merchant.holdUntil === timer.dueAt) {
    const members = await listMemberships(tenantId, merchant.storeId);
    const at = now.toISOString();
    const notices: Notification[] = members
      .filter((member) => member.roles.some((role) => role === 'supervisor' || role === 'manager'))
      .map((member) => ({
        id: newId(now),
        staffId: member.id,
        kind: 'merchant_hold_ended',
        merchantId: merchant.id,
        merchantName: merchant.name,
        storeId: merchant.storeId,
        holdUntil: merchant.holdUntil ?? at,
        depositBalance: merchant.depositBalance,
        at,
      }));
    writes = [
      ...merchantWrites(tenantId, markHoldEnded(merchant, now), merchant, timer.generation),
      ...notices.map((notice) => notificationWrite(tenantId, notice)),
    ];
  }
  if (!writes) {
    // The merchant moved on (or is gone): nothing left for this timer to do.
    await unlessAlreadyDone(message, () =>
      writeTransaction(tenantId, [dropTimerWrite(key, timer.generation)]),
    );
    return 'stale';
  }
  const applied = await unlessAlreadyDone(message, () => writeTransaction(tenantId, writes));
  return applied ? 'applied' : 'duplicate';
}
