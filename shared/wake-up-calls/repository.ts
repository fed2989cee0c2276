import type { Page } from '../db/cursor';
import { atVersion, getEntity, isNew, putEntity } from '../db/items';
import { queryEntities } from '../db/query';
import { type CreateRemembered, type TransactionItem, writeVersioned } from '../db/transactions';
import { subjectTimerWrites } from '../timers/repository';
import { wakeUpCallEntity, wakeUpTimerKey } from './entities';
import { wakeUpTimerOf } from './model';
import type { WakeUpCall } from './views';

/**
 * The writes that store a wake-up call: the item, and its timer whenever what the timer must do
 * changed (rescheduled with the call's version as its generation, or dropped). `before` makes
 * it an update conditioned on the version read; `firedGeneration` is set by the timer's own
 * consumer, so a duplicate delivery cannot apply the same step twice.
 */
export function wakeUpCallWrites(
  tenantId: string,
  call: WakeUpCall,
  before?: WakeUpCall,
  firedGeneration?: number,
): TransactionItem[] {
  const timer = subjectTimerWrites(
    {
      ...wakeUpTimerKey(tenantId, call.id),
      tenantId,
      kind: 'wake_up',
      queue: 'revisit',
      subjectId: call.id,
      generation: call.version,
    },
    wakeUpTimerOf(call),
    before ? wakeUpTimerOf(before) : undefined,
    firedGeneration,
  );
  return [putEntity(wakeUpCallEntity, tenantId, call, before ? atVersion(before.version) : isNew), ...timer];
}

/** Saves wake-up changes (and what rides along); a stale version is the one version conflict. */
export async function saveWakeUpCalls(
  tenantId: string,
  items: readonly TransactionItem[],
  remembered?: CreateRemembered,
): Promise<void> {
  await writeVersioned(tenantId, items, 'wake-up call', remembered);
}

export async function findWakeUpCall(tenantId: string, id: string): Promise<WakeUpCall | undefined> {
  return getEntity(wakeUpCallEntity, { tenantId, id });
}

/** A store's wake-up calls of one local day, by time. */
export async function wakeUpCallsOfDay(
  tenantId: string,
  storeId: string,
  date: string,
  page: { limit: number; cursor: string | undefined },
): Promise<Page<WakeUpCall>> {
  return queryEntities<WakeUpCall>({
    ...wakeUpCallEntity.view('byStore', { tenantId, storeId, date }),
    list: 'wake-up-calls',
    filters: { storeId, date },
    ...page,
  });
}
