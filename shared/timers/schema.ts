import { gte, type infer as Infer, int, strictObject, string, enum as zEnum } from 'zod/mini';
import type { timerQueues } from '../timers/functions';

/**
 * A timer is an item in the table until its effect is done; the queue only carries it.
 * One timer per (subject, purpose), e.g. per ticket and SLA clock, rewritten as it advances,
 * so stale work never piles up. `generation` changes on every rewrite: a message for an older
 * generation is stale and ends as a no-op.
 */
export const timerStates = ['scheduled', 'dispatched', 'failed'] as const;

export interface Timer {
  readonly pk: string;
  readonly sk: string;
  readonly tenantId: string;
  readonly kind: TimerKind;
  readonly queue: (typeof timerQueues)[number];
  readonly subjectId: string;
  /** Which step of its work this is (for SLA: e.g. `breach@2026-11-30T01:50:00.000Z`). */
  readonly stage: string;
  readonly dueAt: string;
  readonly generation: number;
  readonly state: (typeof timerStates)[number];
  readonly dispatches: number;
}

export const timerKinds = ['sla', 'revisit'] as const;
export type TimerKind = (typeof timerKinds)[number];

/** What travels through SQS: just enough to find the timer again. */
export const timerMessage = strictObject({
  kind: zEnum(timerKinds),
  pk: string(),
  sk: string(),
  generation: int().check(gte(0)),
});
export type TimerMessage = Infer<typeof timerMessage>;
