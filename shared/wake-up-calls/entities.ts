/** Every item kind of the wake-up ledger, declared once (docs/data-model.md is generated from here). */
import { defineEntity } from '../db/entity';
import { timerKey } from '../timers/keys';
import type { WakeUpCall } from './views';

/**
 * One item per occurrence (a daily series is one item per day, linked by `seriesId`/`nextId`),
 * listed per store by day and time: the desk's 叫醒服务记录表 for a day is one Query.
 */
export const wakeUpCallEntity = /* @__PURE__ */ defineEntity<WakeUpCall>({
  tag: 'wake_up_call',
  about:
    'A wake-up call (叫醒服务) for one day, with its calls and history; listed per store by local day and time.',
  key: { pk: 'T#{tenantId}#WAKE_UP#{id}', sk: 'WAKE_UP' },
  views: {
    byStore: { pk: 'T#{tenantId}#STORE#{storeId}#WAKE_UPS', sk: '{date}#{time}#{id}' },
  },
});

/** The one timer of an occurrence: tell the desk at each call's time, escalate when unrecorded. */
export const wakeUpTimerKey = (tenantId: string, wakeUpCallId: string) =>
  timerKey(tenantId, wakeUpCallId, 'wake-up');
