import {
  array,
  boolean,
  type infer as Infer,
  nullable,
  number,
  record,
  strictObject,
  string,
} from 'zod/mini';

/**
 * Reports as the API returns them: output schemas, for types and the OpenAPI document. Runtime
 * code imports this module only with `import type`, so these schemas stay out of Lambda bundles.
 */

/**
 * The weekly report's figures for a stretch of days (a day, a week, a store's range in the chain
 * report): counts, times in business minutes of the store's calendar, money in fen.
 */
const headlineFields = {
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
  /** Return and exchange requests decided (registered) on the day, by kind. */
  returnsOpened: number(),
  exchangesOpened: number(),
  /** Returns and exchanges finished, by outcome: refunded, replacement handed over, turned into a repair, refused. */
  returnsRefunded: number(),
  returnsExchanged: number(),
  returnsToRepair: number(),
  returnsRefused: number(),
  /** Refunded (fen). */
  refundedAmount: number(),
  /** Repairs registered, by mode, and repairs finished. */
  repairsOnSite: number(),
  repairsMailIn: number(),
  repairsParts: number(),
  repairsFinished: number(),
  /** Complaint cases registered, and judged by validity. */
  complaintsOpened: number(),
  complaintsValid: number(),
  complaintsPartlyValid: number(),
  complaintsNotValid: number(),
  /** 先行赔付: claims made, and the amounts (fen) claimed, approved, paid and recovered from merchants. */
  compensationClaims: number(),
  compensationClaimedAmount: number(),
  compensationApprovedAmount: number(),
  compensationPaidAmount: number(),
  compensationRecoveredAmount: number(),
  /** Front-office ledgers (hotel): lines recorded on the day. */
  wakeUpCallsRequested: number(),
  wakeUpCallsDone: number(),
  wakeUpCallsEscalated: number(),
  messagesTaken: number(),
  messagesDelivered: number(),
  luggageStored: number(),
  luggagePickedUp: number(),
  lostItemsFound: number(),
  lostItemsClaimed: number(),
  loansLent: number(),
  loansReturned: number(),
  safeBoxesOpened: number(),
  safeBoxesAccessed: number(),
  safeBoxesClosed: number(),
};
export const headlineFigures = strictObject(headlineFields);
export type HeadlineFigures = Infer<typeof headlineFigures>;

/** One day of a store (or the week's total). */
export const weeklyRow = strictObject({
  /** The store's local date (YYYY-MM-DD), or `total`. */
  day: string(),
  ...headlineFields,
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

/**
 * One staff member's month (or the store's, in `store`): what they did, from their staff-day
 * aggregates. Rates are fractions (0–1, three decimals), null without a denominator.
 */
export const monthlyStaffRow = strictObject({
  /** The directory entry, when the acting identity is linked to one. */
  staffId: nullable(string()),
  /** The token subject the aggregates are kept under, when one acted or is linked. */
  userId: nullable(string()),
  name: nullable(string()),
  /** Tickets they resolved (处理工单数). */
  handled: number(),
  /** Resolved under an SLA promise, and of those resolved before the resolution clock breached. */
  resolvedWithSla: number(),
  resolvedOnTime: number(),
  onTimeRate: nullable(number()),
  firstResponses: number(),
  /** Estimated from the fixed buckets: the upper bound of the bucket of the middle sample. */
  firstResponseMedianMinutes: nullable(number()),
  /** Scores 1–5 credited to them: revisits they recorded, complaint cases whose remedy they recorded. */
  satisfactionCount: number(),
  satisfactionAverage: nullable(number()),
  revisitsDone: number(),
  revisitsFailed: number(),
  /** Done over done + failed, of the revisits they closed. */
  revisitCompletionRate: nullable(number()),
  /** Complaint cases registered in the month with them as the respondent (被投诉). */
  complaintsAgainst: number(),
});
export type MonthlyStaffRow = Infer<typeof monthlyStaffRow>;

/** 月考核表: a store's staff for one calendar month of the store's local days. */
export const monthlyStaffAssessment = strictObject({
  storeId: string(),
  storeCode: string(),
  storeName: string(),
  timezone: string(),
  month: string(),
  from: string(),
  to: string(),
  staff: array(monthlyStaffRow),
  /** The store's own month (every act, machinery's included), for comparison. */
  store: monthlyStaffRow,
});
export type MonthlyStaffAssessment = Infer<typeof monthlyStaffAssessment>;

/** One local day of a store (or the period's total): each SLA clock's outcomes. */
export const slaReportRow = strictObject({
  /** The store's local date (YYYY-MM-DD), or `total`. */
  day: string(),
  firstResponseMet: number(),
  firstResponseBreached: number(),
  firstResponseWarned: number(),
  /** Met over met + breached (0–1, three decimals); null without either. */
  firstResponseMetRate: nullable(number()),
  resolutionMet: number(),
  resolutionBreached: number(),
  resolutionWarned: number(),
  resolutionMetRate: nullable(number()),
  escalations: number(),
});
export type SlaReportRow = Infer<typeof slaReportRow>;

/** SLA report: a store's days from `from` to `to` (its local dates), from the day aggregates. */
export const slaReport = strictObject({
  storeId: string(),
  storeCode: string(),
  storeName: string(),
  timezone: string(),
  from: string(),
  to: string(),
  days: array(slaReportRow),
  total: slaReportRow,
});
export type SlaReport = Infer<typeof slaReport>;

/** One store's figures over the chain report's days. */
export const chainReportRow = strictObject({
  storeId: string(),
  storeCode: string(),
  storeName: string(),
  timezone: string(),
  ...headlineFields,
});
export type ChainReportRow = Infer<typeof chainReportRow>;

/**
 * Chain-wide roll-up (连锁汇总): one row per store over its local days `from`–`to`, and their total.
 * Paged by store: `total` covers this page's stores; `totalCoversAllStores` says whether that is
 * every store asked for (no cursor before or after).
 */
export const chainReport = strictObject({
  from: string(),
  to: string(),
  stores: array(chainReportRow),
  total: headlineFigures,
  totalCoversAllStores: boolean(),
  /** Pass back as `cursor` for the next stores; null on the last page. */
  cursor: nullable(string()),
});
export type ChainReport = Infer<typeof chainReport>;
