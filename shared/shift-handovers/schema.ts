import {
  _default,
  gte,
  type infer as Infer,
  int,
  lte,
  optional,
  regex,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { isoDate, pageQueryFields, text, ulid } from '../schema/common';

/**
 * Most items listed per kind in a snapshot (the counts are always whole). 20 is what a handover
 * sheet shows a person at a glance; the rest is one list call away. It also bounds the item:
 * 6 kinds × 20 items × ~300 bytes ≈ 36 KB, far below DynamoDB's 400 KB item limit.
 */
export const snapshotListLimit = 20;

export const createShiftHandoverInput = strictObject({
  storeId: ulid,
  /** The shift handed over: the local day it started and its start time (a store setting). */
  shiftDate: isoDate,
  shiftStart: string().check(regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Expected HH:mm, e.g. 07:00.')),
  /** The cash in the drawer counted at handover, in fen. */
  cashCount: int().check(gte(0), lte(100_000_000)),
  notes: optional(text(1, 2000)),
});
export type CreateShiftHandoverInput = Infer<typeof createShiftHandoverInput>;

/** The incoming person takes the shift over: never the one who handed it over. */
export const acceptShiftHandoverInput = strictObject({
  version: int().check(gte(1)),
  note: optional(text(1, 500)),
});
export type AcceptShiftHandoverInput = Infer<typeof acceptShiftHandoverInput>;

export const shiftHandoverIdParams = strictObject({ shiftHandoverId: ulid });

export const shiftHandoverStatuses = ['handed_over', 'accepted'] as const;

export const listShiftHandoversQuery = strictObject({
  ...pageQueryFields,
  storeId: ulid,
  status: _default(zEnum(shiftHandoverStatuses), 'handed_over'),
});
export type ListShiftHandoversQuery = Infer<typeof listShiftHandoversQuery>;
