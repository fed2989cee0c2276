import { defineEntity } from '../db/entity';

/*
 * Report aggregates (报表汇总) live in the store's partition, one item per local day and one per
 * staff member and day, so a week's report is one Query of 7 items per store. They are written
 * only by the change-stream consumer (and a recount), never on the request path. Counters are
 * top-level number attributes named `n.<counter>` (shared/reports/counters.ts), grown by ADD.
 */

export interface StoreDayFields {
  readonly storeId: string;
  /** The store's local date, YYYY-MM-DD. */
  readonly day: string;
}

export interface StaffDayFields extends StoreDayFields {
  /** The staff member's identity (token subject), as on the events they caused. */
  readonly userId: string;
}

export const storeDayEntity = /* @__PURE__ */ defineEntity<StoreDayFields>({
  tag: 'report_store_day',
  about: 'a store’s counters for one local day (报表), from the change stream; a week is one Query',
  key: { pk: 'T#{tenantId}#STORE#{storeId}', sk: 'REPORT_DAY#{day}' },
});

export const staffDayEntity = /* @__PURE__ */ defineEntity<StaffDayFields>({
  tag: 'report_staff_day',
  about: 'a staff member’s counters for one local day in one store (考核), from the change stream',
  key: { pk: 'T#{tenantId}#STORE#{storeId}', sk: 'REPORT_STAFF#{day}#{userId}' },
});

export interface CountedFields {
  /** The source item's partition key without the tenant prefix. */
  readonly source: string;
  /** The source item's sort key and, for an item with a history, the line. */
  readonly part: string;
  readonly countedAt: string;
}

/** One per fact counted: written with its counters, so a redelivered fact is recognised and adds nothing. */
export const countedEntity = /* @__PURE__ */ defineEntity<CountedFields>({
  tag: 'report_counted',
  about: 'marks one source event as counted in the report aggregates (same transaction): exactly once',
  key: { pk: 'T#{tenantId}#COUNTED#{source}', sk: '{part}' },
});

/** The attribute a counter is stored under. */
export const counterAttribute = (name: string) => `n.${name}`;
export const counterPrefix = 'n.';
