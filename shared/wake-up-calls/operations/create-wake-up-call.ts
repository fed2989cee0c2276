import type { Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { ruleRefused } from '../../errors';
import { frontOfficeStore } from '../../front-office/desk';
import { newId } from '../../ids';
import { newWakeUpCall } from '../model';
import { saveWakeUpCalls, wakeUpCallWrites } from '../repository';
import type { CreateWakeUpCallInput } from '../schema';
import type { WakeUpCall } from '../views';

/** Takes a wake-up request (叫醒服务): its first (or only) day is booked with its timer. */
export async function createWakeUpCall(
  principal: Principal,
  input: CreateWakeUpCallInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<WakeUpCall> {
  const { store, settings } = await frontOfficeStore(principal, input.storeId);
  const call = newWakeUpCall({
    id: newId(now),
    storeId: store.id,
    room: input.room,
    guestName: input.guestName,
    date: input.date,
    time: input.time,
    timezone: store.timezone,
    repeat: input.repeat,
    until: input.until,
    note: input.note,
    rules: settings.wakeUp,
    takenBy: principal.userId,
    actorId: principal.userId,
    now,
  });
  if (Date.parse(call.dueAt) <= now.getTime()) {
    throw ruleRefused(
      'wake_up_in_past',
      `${input.date} ${input.time} (${store.timezone}) has already passed.`,
    );
  }
  await saveWakeUpCalls(principal.tenantId, wakeUpCallWrites(principal.tenantId, call), {
    claim: idempotency,
    response: { body: call },
    now,
  });
  return call;
}
