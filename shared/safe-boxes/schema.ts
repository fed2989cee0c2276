import {
  _default,
  boolean,
  gte,
  type infer as Infer,
  int,
  optional,
  regex,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { pageQueryFields, text, ulid } from '../schema/common';

/** Most entries a card keeps: an opening, its accesses, the closing (about 150 bytes each). */
export const maxSafeBoxHistory = 300;

/** A room number as the desk writes it. */
const room = string().check(regex(/^[A-Za-z0-9-]{1,10}$/, 'Expected a room number, e.g. 1203.'));

/** ID documents: the type and the last four characters only, never the full number. */
export const idTypes = ['resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other'] as const;

export const openSafeBoxInput = strictObject({
  storeId: ulid,
  /** The box's number on the wall of boxes (保险箱号). */
  boxNumber: string().check(regex(/^[A-Za-z0-9-]{1,10}$/, 'Expected a box number, e.g. 12 or B-03.')),
  guestName: text(1, 60),
  room,
  idType: zEnum(idTypes),
  idLast4: string().check(regex(/^[0-9A-Za-z]{4}$/, 'Expected the last 4 characters of the ID only.')),
  /** Where the guest's signature on the card is (a scan's key, the card number). */
  signatureRef: text(1, 120),
  note: optional(text(1, 300)),
});
export type OpenSafeBoxInput = Infer<typeof openSafeBoxInput>;

/** The guest opens the box again: each access is signed and attended by a member of staff. */
export const recordSafeBoxAccessInput = strictObject({
  version: int().check(gte(1)),
  signatureRef: text(1, 120),
  note: optional(text(1, 300)),
});
export type RecordSafeBoxAccessInput = Infer<typeof recordSafeBoxAccessInput>;

/** Closed at check-out: the key handed back, or not (then the store's fee is recorded). */
export const closeSafeBoxInput = strictObject({
  version: int().check(gte(1)),
  keyReturned: boolean(),
  signatureRef: text(1, 120),
  note: optional(text(1, 300)),
});
export type CloseSafeBoxInput = Infer<typeof closeSafeBoxInput>;

export const safeBoxIdParams = strictObject({ safeBoxId: ulid });

export const safeBoxStatuses = ['open', 'closed'] as const;

export const listSafeBoxesQuery = strictObject({
  ...pageQueryFields,
  storeId: ulid,
  status: _default(zEnum(safeBoxStatuses), 'open'),
});
export type ListSafeBoxesQuery = Infer<typeof listSafeBoxesQuery>;
