import {
  _default,
  gte,
  type infer as Infer,
  int,
  optional,
  regex,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { instant, pageQueryFields, text, ulid } from '../schema/common';

/** Categories with their own retention (store settings): 一般物品, 贵重物品, 食品, 易腐物品. */
export const lostItemCategories = ['general', 'valuables', 'food', 'perishables'] as const;
export type LostItemCategory = (typeof lostItemCategories)[number];

export const recordFoundItemInput = strictObject({
  storeId: ulid,
  description: text(1, 300),
  category: zEnum(lostItemCategories),
  /** Where it was found: a room number or a place (大堂, 餐厅…). */
  foundWhere: text(1, 80),
  foundAt: instant,
  /** Who found it (a name: housekeepers are not always staff of this service). */
  foundBy: text(1, 60),
  /** Where it is kept now (保管处). */
  storagePlace: text(1, 80),
});
export type RecordFoundItemInput = Infer<typeof recordFoundItemInput>;

/** ID documents: the type and the last four characters only, never the full number. */
export const idTypes = ['resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other'] as const;

export const claimLostItemInput = strictObject({
  version: int().check(gte(1)),
  claimantName: text(1, 60),
  /** How the claimant described the item before seeing it. */
  claimantDescription: text(1, 300),
  idType: zEnum(idTypes),
  idLast4: string().check(regex(/^[0-9A-Za-z]{4}$/, 'Expected the last 4 characters of the ID only.')),
  /** Where the signed claim form is (a scan's key, the form number). */
  signatureRef: text(1, 120),
});
export type ClaimLostItemInput = Infer<typeof claimLostItemInput>;

export const disposeLostItemInput = strictObject({
  version: int().check(gte(1)),
  /** Disposed of (销毁/处理), or handed to the police (交公安机关). */
  how: zEnum(['disposed', 'handed_to_police']),
  note: optional(text(1, 300)),
  /** The police receipt or disposal form number. */
  receiptRef: optional(text(1, 120)),
});
export type DisposeLostItemInput = Infer<typeof disposeLostItemInput>;

export const lostItemIdParams = strictObject({ lostItemId: ulid });

export const lostItemStatuses = ['held', 'claimed', 'disposed', 'handed_to_police'] as const;

export const listLostItemsQuery = strictObject({
  ...pageQueryFields,
  storeId: ulid,
  status: _default(zEnum(lostItemStatuses), 'held'),
});
export type ListLostItemsQuery = Infer<typeof listLostItemsQuery>;
