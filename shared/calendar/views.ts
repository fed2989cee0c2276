import { array, type infer as Infer, number, optional, strictObject, string } from 'zod/mini';
import { businessCalendarInput, dayHours } from './schema';

/**
 * A business calendar as the API returns it: output schemas, for types and the OpenAPI document. Runtime code imports this
 * module only with `import type`, so these schemas stay out of Lambda bundles.
 */

export const businessCalendar = strictObject({
  timezone: string(),
  weekly: businessCalendarInput.shape.weekly,
  holidays: array(string()),
  makeUpWorkingDays: array(string()),
  makeUpDayHours: optional(dayHours),
  /** Where it came from: the store's own, the tenant default, or the built-in 7×24. */
  source: optional(string()),
  updatedAt: optional(string()),
  version: number(),
});
export type BusinessCalendar = Infer<typeof businessCalendar>;
