import {
  array,
  type infer as Infer,
  maxLength,
  number,
  optional,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { isoDate, ulid } from '../schema/common';
import { callOutcomes, dndDecisions, room, timeOfDay, visitResults } from './schema';

/*
 * What the API returns for a wake-up call (叫醒服务记录表). Runtime code imports these only as
 * types: they are for the types and the API document, not for Lambda bundles.
 */

export const wakeUpStatuses = [
  /** Waiting for its time. */
  'scheduled',
  /** The desk has been told to call (or is calling again). */
  'calling',
  /** No answer after the last call: someone goes to the room. */
  'visit_needed',
  /** The guest asked not to be disturbed: the duty manager decides. */
  'awaiting_decision',
  'done',
  'cancelled',
] as const;
export type WakeUpStatus = (typeof wakeUpStatuses)[number];

/** One call of the occurrence: when it is due, when the desk was told, what came of it. */
const call = strictObject({
  n: number(),
  dueAt: string(),
  toldAt: optional(string()),
  /** Not recorded within the overdue minutes: the duty manager was told. */
  escalatedAt: optional(string()),
  outcome: optional(zEnum(callOutcomes)),
  recordedAt: optional(string()),
  recordedBy: optional(string()),
});
export type WakeUpCallAttempt = Infer<typeof call>;

const historyEntry = strictObject({
  at: string(),
  /** The user who did it, or `timer`. */
  by: string(),
  what: zEnum([
    'requested',
    'told',
    'escalated',
    'call_recorded',
    'visit_requested',
    'decision_requested',
    'visit_recorded',
    'decided',
    'done',
    'cancelled',
    'next_scheduled',
  ]),
  detail: optional(string()),
});
export type WakeUpHistoryEntry = Infer<typeof historyEntry>;

export const wakeUpCall = strictObject({
  id: ulid,
  storeId: ulid,
  /** The first occurrence's id; every day of a daily series shares it. */
  seriesId: ulid,
  room,
  guestName: string(),
  /** This occurrence's day and time in the store's zone, and the instant they make there. */
  date: isoDate,
  time: timeOfDay,
  timezone: string(),
  dueAt: string(),
  repeat: zEnum(['once', 'daily']),
  until: optional(isoDate),
  note: optional(string()),
  status: zEnum(wakeUpStatuses),
  calls: array(call),
  /** Rules in force when it was taken (the store's settings then). */
  rules: strictObject({ retryMinutes: number(), maxCalls: number(), overdueMinutes: number() }),
  visit: optional(
    strictObject({
      requestedAt: string(),
      visitedBy: optional(zEnum(['duty_manager', 'housekeeping'])),
      result: optional(zEnum(visitResults)),
      recordedAt: optional(string()),
      recordedBy: optional(string()),
    }),
  ),
  decision: optional(
    strictObject({ decision: zEnum(dndDecisions), at: string(), by: string(), note: optional(string()) }),
  ),
  /** How the occurrence ended. */
  closedAs: optional(zEnum(['answered', 'visited', 'left_per_dnd', 'cancelled'])),
  /** The next day's occurrence of a daily series, once this one ended. */
  nextId: optional(ulid),
  takenBy: string(),
  history: array(historyEntry).check(maxLength(80)),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type WakeUpCall = Infer<typeof wakeUpCall>;
