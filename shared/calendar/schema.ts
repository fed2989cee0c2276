import {
  array,
  gte,
  type infer as Infer,
  int,
  maxLength,
  optional,
  refine,
  regex,
  strictObject,
  string,
} from 'zod/mini';
import { isoDate } from '../schema/common';

const clockTime = string().check(regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Expected HH:MM, 00:00–24:00.'));

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** One opening interval of a day, local wall time; `end` may be 24:00. */
export const openingInterval = strictObject({ start: clockTime, end: clockTime }).check(
  refine((interval) => minutesOf(interval.start) < minutesOf(interval.end), {
    message: 'An interval must end after it starts.',
    path: ['end'],
  }),
);

export const dayHours = array(openingInterval).check(
  maxLength(6),
  refine((intervals) => {
    const sorted = [...intervals].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    return sorted.every(
      (interval, i) => i === 0 || minutesOf(sorted[i - 1]?.end ?? '00:00') <= minutesOf(interval.start),
    );
  }, 'Intervals of a day must not overlap.'),
);

/**
 * A business calendar: opening hours per weekday, holidays, and 调休 make-up working days (a
 * weekend date that is worked, with `makeUpDayHours`). Hours are local wall time in the store's
 * own time zone, so one tenant default serves stores in several zones.
 * 7×24 is a calendar too: every weekday 00:00–24:00.
 */
export const businessCalendarInput = strictObject({
  weekly: strictObject({
    mon: dayHours,
    tue: dayHours,
    wed: dayHours,
    thu: dayHours,
    fri: dayHours,
    sat: dayHours,
    sun: dayHours,
  }),
  holidays: optional(array(isoDate).check(maxLength(400))),
  makeUpWorkingDays: optional(array(isoDate).check(maxLength(100))),
  /** Hours of a make-up working day; defaults to Monday's. */
  makeUpDayHours: optional(dayHours),
  version: optional(int().check(gte(1))),
});
export type BusinessCalendarInput = Infer<typeof businessCalendarInput>;

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export { minutesOf };

/** A store's own calendar, replacing the one it had (send its version). */
export const putStoreCalendarInput = businessCalendarInput;
/** The tenant default calendar. */
export const putTenantCalendarInput = businessCalendarInput;
