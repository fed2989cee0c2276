import { writeTransaction } from '../db/transactions';
import { dropTimerWrite, findTimer, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { applyTimerStep, wakeUpTimerOf } from './model';
import { noticeWrites } from './notices';
import { findWakeUpCall, wakeUpCallWrites } from './repository';

/**
 * A wake-up call's time (or its overdue time) has come: the desk on duty is told to call, or
 * the duty managers are told nobody recorded it. Exactly once: the write is conditioned on the
 * call's version and on the timer still being the dispatched generation this message carries,
 * so a duplicate delivery or a re-dispatch after a restart ends as `stale` or `duplicate`.
 */
export async function fireWakeUpTimer(
  message: TimerMessage,
  now: Date,
): Promise<'applied' | 'stale' | 'duplicate'> {
  const key = { pk: message.pk, sk: message.sk };
  const timer = await findTimer(key);
  if (!timer || timer.generation !== message.generation || timer.state !== 'dispatched') return 'stale';
  const call = await findWakeUpCall(timer.tenantId, timer.subjectId);
  const wanted = call ? wakeUpTimerOf(call) : undefined;
  if (!call || wanted?.stage !== timer.stage || wanted.dueAt !== timer.dueAt) {
    await unlessAlreadyDone(message, () =>
      writeTransaction(timer.tenantId, [dropTimerWrite(key, timer.generation)]),
    );
    return 'stale';
  }
  const change = applyTimerStep(call, timer.stage, now);
  const notices = await noticeWrites(timer.tenantId, change.call, change.notice, now);
  const applied = await unlessAlreadyDone(message, () =>
    writeTransaction(timer.tenantId, [
      ...wakeUpCallWrites(timer.tenantId, change.call, call, timer.generation),
      ...notices,
    ]),
  );
  return applied ? 'applied' : 'duplicate';
}
