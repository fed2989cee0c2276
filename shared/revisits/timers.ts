import { writeTransaction } from '../db/transactions';
import { newId } from '../ids';
import { type Notification, notificationWrite } from '../notifications/inbox';
import { listMemberships } from '../staff/repository';
import { dropTimerWrite, findTimer, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { markDue } from './model';
import { findRevisit, revisitWrites } from './repository';

/**
 * A revisit's day has come: it moves to `due` (the front desk's work queue) and the store's
 * front desk, and its assignee if any, are told. Idempotent like every timer consumer: the
 * write is conditioned on the generation the message carried.
 */
export async function fireRevisitTimer(
  message: TimerMessage,
  now: Date,
): Promise<'applied' | 'stale' | 'duplicate'> {
  const key = { pk: message.pk, sk: message.sk };
  const timer = await findTimer(key);
  if (!timer || timer.generation !== message.generation || timer.state !== 'dispatched') return 'stale';
  const revisit = await findRevisit(timer.tenantId, timer.subjectId);
  if (revisit?.status !== 'scheduled' || revisit.dueAt !== timer.dueAt) {
    await unlessAlreadyDone(message, () =>
      writeTransaction(timer.tenantId, [dropTimerWrite(key, timer.generation)]),
    );
    return 'stale';
  }
  const due = markDue(revisit, now);
  const members = await listMemberships(timer.tenantId, revisit.storeId);
  const recipients = new Set([
    ...members.filter((member) => member.roles.includes('front_desk')).map((member) => member.id),
    ...(revisit.assigneeId ? [revisit.assigneeId] : []),
  ]);
  const at = now.toISOString();
  const notices: Notification[] = [...recipients].map((staffId) => ({
    id: newId(now),
    staffId,
    kind: 'revisit_due',
    revisitId: revisit.id,
    revisitKind: revisit.kind,
    customerId: revisit.customerId,
    storeId: revisit.storeId,
    dueAt: revisit.dueAt,
    at,
  }));
  const applied = await unlessAlreadyDone(message, () =>
    writeTransaction(timer.tenantId, [
      ...revisitWrites(timer.tenantId, due, revisit, timer.generation),
      ...notices.map((notice) => notificationWrite(timer.tenantId, notice)),
    ]),
  );
  return applied ? 'applied' : 'duplicate';
}
