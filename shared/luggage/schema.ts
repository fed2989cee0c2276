import {
  _default,
  array,
  discriminatedUnion,
  gte,
  type infer as Infer,
  int,
  literal,
  lte,
  maxLength,
  optional,
  regex,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { instant, pageQueryFields, text, ulid } from '../schema/common';

/** A room number as the desk writes it. */
const room = string().check(regex(/^[A-Za-z0-9-]{1,10}$/, 'Expected a room number, e.g. 1203.'));

/** The number printed on both halves of the tag (行李牌); the guest keeps the stub. */
const tagNumber = string().check(
  regex(/^[A-Za-z0-9-]{1,20}$/, 'Expected the tag number: letters, digits and dashes, up to 20.'),
);

/**
 * What the guest declares is inside. Valuables go to a safe box and flammables are refused
 * (维也纳 manual: 贵重物品请存保险箱，易燃易爆物品不予寄存).
 */
export const luggageContents = [
  'clothing',
  'documents',
  'electronics',
  'fragile',
  'liquids',
  'food',
  'valuables',
  'flammables',
] as const;
export type LuggageContent = (typeof luggageContents)[number];

export const storeLuggageInput = strictObject({
  storeId: ulid,
  tagNumber,
  pieces: int().check(gte(1), lte(30)),
  description: text(1, 300),
  /** Where it is kept (行李房 A 架). */
  location: text(1, 80),
  guestName: text(1, 60),
  room: optional(room),
  phone: optional(text(1, 40)),
  expectedPickUpAt: instant,
  declaredContents: _default(array(zEnum(luggageContents)).check(maxLength(luggageContents.length)), []),
  note: optional(text(1, 300)),
});
export type StoreLuggageInput = Infer<typeof storeLuggageInput>;

/** ID documents: the type and the last four characters only, never the full number. */
export const idTypes = ['resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other'] as const;

const version = int().check(gte(1));

/**
 * Collected with the stub (its number must match the tag), or, the stub lost, with an ID (type
 * and last four characters only) and the signed lost-stub certificate (行李单遗失证明).
 */
export const pickUpLuggageInput = discriminatedUnion('with', [
  strictObject({ with: literal('stub'), version, tagNumber }),
  strictObject({
    with: literal('id_and_certificate'),
    version,
    collectorName: text(1, 60),
    idType: zEnum(idTypes),
    idLast4: string().check(regex(/^[0-9A-Za-z]{4}$/, 'Expected the last 4 characters of the ID only.')),
    /** Where the signed certificate is (a scan's key, the form number). */
    certificateRef: text(1, 120),
  }),
]);
export type PickUpLuggageInput = Infer<typeof pickUpLuggageInput>;

export const luggageIdParams = strictObject({ luggageId: ulid });

export const luggageStatuses = ['stored', 'picked_up'] as const;

export const listLuggageQuery = strictObject({
  ...pageQueryFields,
  storeId: ulid,
  status: _default(zEnum(luggageStatuses), 'stored'),
});
export type ListLuggageQuery = Infer<typeof listLuggageQuery>;
