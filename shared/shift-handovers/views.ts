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
import { ulid } from '../schema/common';
import { shiftHandoverStatuses, snapshotListLimit } from './schema';

/* What the API returns for a shift handover (前台交班本). Runtime code imports these only as types. */

/** One open item as the handover sheet names it. */
const openItem = strictObject({ id: ulid, label: string(), at: optional(string()) });
export type OpenItem = Infer<typeof openItem>;

/** A kind of open item: how many in all, and the first of them (at most the snapshot limit). */
const openItems = strictObject({
  count: number(),
  items: array(openItem).check(maxLength(snapshotListLimit)),
});
export type OpenItems = Infer<typeof openItems>;

/**
 * The open items at handover, one section per ledger. A section is added here and in
 * shared/flows/shift-snapshot.ts (`snapshotSections`) when its ledger exists: open complaints
 * come with the complaints area (not on main yet).
 */
export const shiftSnapshot = strictObject({
  takenAt: string(),
  /** Most items listed per section. */
  listLimit: number(),
  /** Wake-up calls not done or cancelled, due within 12 hours of the snapshot (or overdue). */
  wakeUpCalls: openItems,
  luggage: openItems,
  loans: openItems,
  safeBoxes: openItems,
  guestMessages: openItems,
  /** Complaint cases not closed (their tickets are in `tickets` as well). */
  complaints: openItems,
  tickets: openItems,
});
export type ShiftSnapshot = Infer<typeof shiftSnapshot>;

const historyEntry = strictObject({
  at: string(),
  by: string(),
  what: zEnum(['handed_over', 'accepted']),
  detail: optional(string()),
});
export type ShiftHandoverHistoryEntry = Infer<typeof historyEntry>;

export const shiftHandover = strictObject({
  id: ulid,
  storeId: ulid,
  shiftDate: string(),
  shiftStart: string(),
  /** The shift as instants: from its start to the next shift's start. */
  shiftStartsAt: string(),
  shiftEndsAt: string(),
  cashCount: number(),
  currency: string(),
  notes: optional(string()),
  snapshot: shiftSnapshot,
  status: zEnum(shiftHandoverStatuses),
  handedOverBy: string(),
  handedOverAt: string(),
  acceptedBy: optional(string()),
  acceptedAt: optional(string()),
  history: array(historyEntry).check(maxLength(2)),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type ShiftHandover = Infer<typeof shiftHandover>;
