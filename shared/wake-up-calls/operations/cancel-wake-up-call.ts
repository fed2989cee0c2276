import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { changeWrites } from '../ending';
import { wakeUpCallInScope } from '../lookups';
import { applyCancel } from '../model';
import { saveWakeUpCalls } from '../repository';
import type { CancelWakeUpCallInput } from '../schema';
import type { WakeUpCall } from '../views';

/** Cancels this day (a daily series goes on with the next) or the whole series from here on. */
export async function cancelWakeUpCall(
  principal: Principal,
  wakeUpCallId: string,
  input: CancelWakeUpCallInput,
  now: Date,
): Promise<WakeUpCall> {
  const before = await wakeUpCallInScope(principal, wakeUpCallId);
  if (before.version !== input.version) throw versionConflict('wake-up call');
  const actor = { actorId: principal.userId, now };
  const { call, writes } = changeWrites(principal.tenantId, applyCancel(before, input, actor), before, actor);
  await saveWakeUpCalls(principal.tenantId, writes);
  return call;
}
