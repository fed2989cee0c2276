import {
  _default,
  type infer as Infer,
  maxLength,
  minLength,
  optional,
  pipe,
  refine,
  regex,
  strictObject,
  string,
  transform,
  enum as zEnum,
} from 'zod/mini';
import { earliestYear, isoDate, latestYear, pageLimit, ulid } from '../schema/common';

const isoWeekPattern = /^(\d{4})-W(\d{2})$/;

/** The Monday (UTC date) of ISO week `week` of `year`: week 1 holds the year's first Thursday. */
export function isoWeekMonday(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7));
  return new Date(mondayOfWeek1 + (week - 1) * 7 * 86_400_000);
}

/** Whether `value` is an ISO week that exists (`2026-W48`; W53 only in long years), in 2000–2100. */
export function isIsoWeek(value: string): boolean {
  const match = isoWeekPattern.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < earliestYear || year > latestYear || week < 1) return false;
  // A year has 53 weeks when week 53's Monday still lies before next year's week 1.
  return week <= 52 || isoWeekMonday(year, 53).getTime() < isoWeekMonday(year + 1, 1).getTime();
}

export const isoWeek = string().check(
  refine(
    isIsoWeek,
    `Expected an ISO week as YYYY-Www that exists (e.g. 2026-W48), in ${earliestYear}–${latestYear}.`,
  ),
);

/** 周报表: one store's week, as JSON, or as CSV or XLSX for Excel (shared/exports). */
export const getWeeklyStoreReportQuery = strictObject({
  storeId: ulid,
  week: isoWeek,
  format: _default(zEnum(['json', 'csv', 'xlsx']), 'json'),
});
export type GetWeeklyStoreReportQuery = Infer<typeof getWeeklyStoreReportQuery>;

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A calendar month as YYYY-MM, in 2000–2100. */
export const yearMonth = string().check(
  refine((value) => {
    const match = monthPattern.exec(value);
    return match !== null && Number(match[1]) >= earliestYear && Number(match[1]) <= latestYear;
  }, `Expected a month as YYYY-MM (e.g. 2026-11), in ${earliestYear}–${latestYear}.`),
);

/** 月考核表: one store's staff for one month of its local days, as JSON or as CSV for Excel. */
export const getMonthlyStaffAssessmentQuery = strictObject({
  storeId: ulid,
  month: yearMonth,
  format: _default(zEnum(['json', 'csv', 'xlsx']), 'json'),
});
export type GetMonthlyStaffAssessmentQuery = Infer<typeof getMonthlyStaffAssessmentQuery>;

/** The longest period an SLA report covers: a quarter (its items are one Query per store). */
export const maxSlaReportDays = 92;

/** SLA report: met and breached per clock, per local day of one store, `from`–`to` inclusive. */
export const getSlaReportQuery = strictObject({
  storeId: ulid,
  from: isoDate,
  to: isoDate,
  format: _default(zEnum(['json', 'csv', 'xlsx']), 'json'),
}).check(
  refine(
    (query) =>
      query.from <= query.to &&
      (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 < maxSlaReportDays,
    { message: `Expected from ≤ to, at most ${maxSlaReportDays} days.`, path: ['to'] },
  ),
);
export type GetSlaReportQuery = Infer<typeof getSlaReportQuery>;

/** The chain report's bounds: a quarter of local days, and at most 100 stores a page (O(stores × days) items). */
export const maxChainReportDays = 92;
export const maxChainReportStores = 100;

const storeIdList = pipe(
  string().check(
    regex(
      /^[0-9A-HJKMNP-TV-Z]{26}(,[0-9A-HJKMNP-TV-Z]{26}){0,99}$/,
      `Expected 1–${maxChainReportStores} store ids (ULIDs), comma-separated.`,
    ),
  ),
  transform((ids: string) => [...new Set(ids.split(','))]),
);

const chainRangeOk = (from: string, to: string) =>
  from <= to && (Date.parse(to) - Date.parse(from)) / 86_400_000 < maxChainReportDays;

/**
 * Chain-wide roll-up (连锁汇总): the weekly report's figures per store over local days `from`–`to`.
 * Without `storeIds`: every store the caller may read. Stores come `limit` at a time, with a cursor.
 */
export const getChainReportQuery = strictObject({
  from: isoDate,
  to: isoDate,
  storeIds: optional(storeIdList),
  limit: pageLimit(maxChainReportStores, maxChainReportStores),
  cursor: optional(string().check(minLength(1), maxLength(2048))),
  format: _default(zEnum(['json', 'csv', 'xlsx']), 'json'),
}).check(
  // A bad range names both ends: either may be the one the caller got wrong.
  refine((query) => chainRangeOk(query.from, query.to), {
    message: `Expected a local day on or before to, at most ${maxChainReportDays} days in all.`,
    path: ['from'],
  }),
  refine((query) => chainRangeOk(query.from, query.to), {
    message: `Expected a local day on or after from, at most ${maxChainReportDays} days in all.`,
    path: ['to'],
  }),
);
export type GetChainReportQuery = Infer<typeof getChainReportQuery>;
