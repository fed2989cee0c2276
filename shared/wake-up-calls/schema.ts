import {
  _default,
  gte,
  type infer as Infer,
  int,
  optional,
  refine,
  regex,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { isoDate, pageQueryFields, text, ulid } from '../schema/common';

/** A room number as the desk writes it (1203, B-12, 总统套房 is not one). */
export const room = string().check(regex(/^[A-Za-z0-9-]{1,10}$/, 'Expected a room number, e.g. 1203.'));

/** A wall-clock time of day, HH:mm, in the store's time zone. */
export const timeOfDay = string().check(
  regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Expected a time of day as HH:mm, e.g. 06:30.'),
);

/** Longest daily series a desk takes in one request (a long stay asks again). */
export const maxSeriesDays = 60;

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

export const createWakeUpCallInput = strictObject({
  storeId: ulid,
  room,
  guestName: text(1, 60),
  /** The first (or only) day, in the store's zone. */
  date: isoDate,
  time: timeOfDay,
  repeat: _default(zEnum(['once', 'daily']), 'once'),
  /** Last day of a daily series (inclusive). */
  until: optional(isoDate),
  note: optional(text(1, 300)),
}).check(
  refine((input) => (input.repeat === 'daily') === (input.until !== undefined), {
    message: 'A daily wake-up needs `until`; a single one takes none.',
    path: ['until'],
  }),
  refine(
    (input) =>
      input.until === undefined ||
      (daysBetween(input.date, input.until) >= 1 && daysBetween(input.date, input.until) < maxSeriesDays),
    { message: `\`until\` must fall 1–${maxSeriesDays - 1} days after \`date\`.`, path: ['until'] },
  ),
);
export type CreateWakeUpCallInput = Infer<typeof createWakeUpCallInput>;

export const callOutcomes = ['answered', 'no_answer', 'do_not_disturb'] as const;
export const visitResults = ['guest_woken', 'no_response', 'room_empty'] as const;
export const dndDecisions = ['leave', 'call_again', 'send_person'] as const;

/**
 * One thing the desk records: a call's outcome; what the person sent to the room found
 * (`visited`); or the duty manager's decision on a do-not-disturb (`decided`).
 */
export const recordWakeUpAttemptInput = strictObject({
  version: int().check(gte(1)),
  outcome: zEnum([...callOutcomes, 'visited', 'decided']),
  visitedBy: optional(zEnum(['duty_manager', 'housekeeping'])),
  visitResult: optional(zEnum(visitResults)),
  decision: optional(zEnum(dndDecisions)),
  note: optional(text(1, 300)),
}).check(
  refine(
    (input) =>
      (input.outcome === 'visited') === (input.visitedBy !== undefined && input.visitResult !== undefined),
    {
      message: 'A visit names who went (`visitedBy`) and what they found (`visitResult`).',
      path: ['visitedBy'],
    },
  ),
  refine((input) => (input.outcome === 'decided') === (input.decision !== undefined), {
    message: 'A decision (`decided`) names it in `decision`; other outcomes take none.',
    path: ['decision'],
  }),
);
export type RecordWakeUpAttemptInput = Infer<typeof recordWakeUpAttemptInput>;

export const cancelWakeUpCallInput = strictObject({
  version: int().check(gte(1)),
  /** `occurrence`: only this day; a daily series goes on with the next one. */
  scope: _default(zEnum(['occurrence', 'series']), 'series'),
  reason: optional(text(1, 300)),
});
export type CancelWakeUpCallInput = Infer<typeof cancelWakeUpCallInput>;

export const wakeUpCallIdParams = strictObject({ wakeUpCallId: ulid });

export const listWakeUpCallsQuery = strictObject({
  ...pageQueryFields,
  storeId: ulid,
  /** The day in the store's zone. */
  date: isoDate,
});
export type ListWakeUpCallsQuery = Infer<typeof listWakeUpCallsQuery>;
