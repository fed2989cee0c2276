import type { Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { versionConflict } from '../../errors';
import { dutyManagerRoles } from '../../front-office/desk';
import { changeWrites } from '../ending';
import { wakeUpCallInScope } from '../lookups';
import { applyAttempt } from '../model';
import { noticeWrites } from '../notices';
import { saveWakeUpCalls } from '../repository';
import type { RecordWakeUpAttemptInput } from '../schema';
import type { WakeUpCall } from '../views';

/**
 * Records a call's outcome, what the person sent to the room found, or the duty manager's
 * decision on a do-not-disturb; the call, its timer, the next day of a daily series and the
 * inbox entries it causes land in one transaction.
 */
export async function recordWakeUpAttempt(
  principal: Principal,
  wakeUpCallId: string,
  input: RecordWakeUpAttemptInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<WakeUpCall> {
  const before = await wakeUpCallInScope(principal, wakeUpCallId);
  if (before.version !== input.version) throw versionConflict('wake-up call');
  const actor = { actorId: principal.userId, now };
  const change = applyAttempt(before, input, {
    ...actor,
    mayDecide: principal.roles.some((role) => dutyManagerRoles.includes(role)),
  });
  const { call, writes } = changeWrites(principal.tenantId, change, before, actor);
  const notices = await noticeWrites(principal.tenantId, call, change.notice, now);
  await saveWakeUpCalls(principal.tenantId, [...writes, ...notices], {
    claim: idempotency,
    response: { body: call },
    now,
  });
  return call;
}
