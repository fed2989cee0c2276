import { defineEntity } from '../db/entity';
import type { Timer } from './schema';

/**
 * One timer per subject and purpose (a ticket's SLA clock, a revisit's due time), rewritten as it
 * advances. Its place in the sharded `due` index is computed by the sweeper's keys (./keys.ts),
 * not declared as a view: that index spans tenants and no request reads it.
 */
export const timerEntity = /* @__PURE__ */ defineEntity<Timer>({
  tag: 'timer',
  about:
    'Work due at a time (an SLA step, a revisit), kept until its effect is done; in the sharded `due` index while scheduled or dispatched (docs/scheduling.md).',
  key: { pk: 'T#{tenantId}#TIMER#{subjectId}', sk: '{purpose}' },
});
