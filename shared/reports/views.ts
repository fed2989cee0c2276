import { array, type infer as Infer, nullable, number, record, strictObject, string } from 'zod/mini';

/**
 * Reports as the API returns them: output schemas, for types and the OpenAPI document. Runtime
 * code imports this module only with `import type`, so these schemas stay out of Lambda bundles.
 */

/** One day of a store (or the week's total): counts, and times in business minutes of the store's calendar. */
export const weeklyRow = strictObject({
  /** The store's local date (YYYY-MM-DD), or `total`. */
  day: string(),
  opened: number(),
  resolved: number(),
  closed: number(),
  cancelled: number(),
  reopened: number(),
  firstResponses: number(),
  firstResponseAverageMinutes: nullable(number()),
  /** Estimated from fixed buckets (15, 30, 60, 120, 240, 480, 960, 1440, 2880, 4320, 10080 min): the bucket's upper bound; null beyond a week or without samples. */
  firstResponseMedianMinutes: nullable(number()),
  resolutionAverageMinutes: nullable(number()),
  resolutionMedianMinutes: nullable(number()),
  firstResponseSlaMet: number(),
  firstResponseSlaBreached: number(),
  resolutionSlaMet: number(),
  resolutionSlaBreached: number(),
  escalations: number(),
  revisitsDue: number(),
  revisitsDone: number(),
  revisitsFailed: number(),
  unreachableAttempts: number(),
  satisfactionCount: number(),
  satisfactionAverage: nullable(number()),
});
export type WeeklyRow = Infer<typeof weeklyRow>;

/** 周报表: a store's ISO week, Monday to Sunday in the store's time zone. */
export const weeklyStoreReport = strictObject({
  storeId: string(),
  storeCode: string(),
  storeName: string(),
  timezone: string(),
  week: string(),
  from: string(),
  to: string(),
  days: array(weeklyRow),
  total: weeklyRow,
  /** Tickets opened in the week by type, channel and priority as opened. */
  openedByType: record(string(), number()),
  openedByChannel: record(string(), number()),
  openedByPriority: record(string(), number()),
  /** Revisit scores 1–5 given in the week. */
  satisfactionScores: record(string(), number()),
});
export type WeeklyStoreReport = Infer<typeof weeklyStoreReport>;
