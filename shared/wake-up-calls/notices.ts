import type { TransactionItem } from '../db/transactions';
import { staffToTell } from '../front-office/desk';
import { newId } from '../ids';
import { notificationWrite } from '../notifications/inbox';
import type { WakeUpNotice } from './model';
import type { WakeUpCall } from './views';

/** The inbox entries a wake-up change announces, for the transaction that makes the change. */
export async function noticeWrites(
  tenantId: string,
  call: WakeUpCall,
  notice: WakeUpNotice | undefined,
  now: Date,
): Promise<TransactionItem[]> {
  if (!notice) return [];
  const staffIds = await staffToTell(tenantId, call.storeId, notice.to);
  const dueAt = call.calls.find((entry) => entry.n === notice.call)?.dueAt ?? call.dueAt;
  return staffIds.map((staffId) =>
    notificationWrite(tenantId, {
      id: newId(now),
      staffId,
      kind: notice.kind,
      storeId: call.storeId,
      wakeUpCallId: call.id,
      room: call.room,
      call: notice.call,
      dueAt,
      at: now.toISOString(),
    }),
  );
}
