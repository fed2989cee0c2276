import type { TransactionItem } from '../db/transactions';
import { newId } from '../ids';
import { nextOccurrence, type WakeUpChange } from './model';
import { wakeUpCallWrites } from './repository';
import type { WakeUpCall } from './views';

/**
 * The writes of a change made by a person: the call (and its timer) and, when an occurrence of a
 * daily series ended, the next day's occurrence with its timer, in the same transaction.
 */
export function changeWrites(
  tenantId: string,
  change: WakeUpChange,
  before: WakeUpCall,
  context: { actorId: string; now: Date },
): { call: WakeUpCall; writes: TransactionItem[] } {
  const next = change.ended
    ? nextOccurrence(change.call, { id: newId(context.now), actorId: context.actorId, now: context.now })
    : undefined;
  const call = next?.ended ?? change.call;
  return {
    call,
    writes: [
      ...wakeUpCallWrites(tenantId, call, before),
      ...(next ? wakeUpCallWrites(tenantId, next.next) : []),
    ],
  };
}
