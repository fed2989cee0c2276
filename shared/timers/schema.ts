import {
  gte,
  type infer as Infer,
  int,
  minLength,
  object,
  optional,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { instant } from '../schema/common';
import { timerQueues } from './functions';

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
  /** Why a `failed` timer was parked, for the operator who looks at it. */
  readonly failureReason?: string;
}

export const timerKinds = [
  'sla',
  'revisit',
  'merchant',
  'compensation',
  'wake_up',
  'loan',
  'lost_item',
  'guest_message',
  'luggage',
  'complaint_task',
  'repair_stall',
  'webhook',
  'refund_due',
] as const;
export type TimerKind = (typeof timerKinds)[number];

/**
 * What travels through SQS: just enough to find the timer again, and when it was due (for the lag
 * metric; optional because messages sent before it was added may still be in flight).
 */
export const timerMessage = strictObject({
  kind: zEnum(timerKinds),
  pk: string(),
  sk: string(),
  generation: int().check(gte(0)),
  dueAt: optional(instant),
});
export type TimerMessage = Infer<typeof timerMessage>;

/**
 * What the sweeper needs of a due-index entry before it may act on it. Items written before
 * the strict time schema (or by hand) may hold anything: an entry that fails this is parked,
 * never allowed to stop its shard. Not strict: the item carries more attributes.
 */
export const dueEntry = object({
  pk: string().check(minLength(1)),
  sk: string().check(minLength(1)),
  dueSk: string().check(minLength(1)),
  generation: int().check(gte(0)),
  queue: zEnum(timerQueues),
  kind: zEnum(timerKinds),
  dueAt: instant,
  dispatches: int().check(gte(0)),
  state: zEnum(timerStates),
});

/**
 * The one log line of a parked timer; infra/stack.ts counts it with a metric filter on the
 * sweeper's log group and alarms on the first.
 */
export const timerParkedLogMessage = 'timer parked';
