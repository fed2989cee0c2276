import {
  _default,
  array,
  gte,
  type infer as Infer,
  int,
  lte,
  maxLength,
  optional,
  refine,
  strictObject,
  enum as zEnum,
} from 'zod/mini';
import { instant, pageQueryFields, text, ulid } from '../schema/common';
import { appointment, currencyCode, fen, priceCode } from './step-schema';

export * from './step-schema';

/*
 * Repair cases (售后维修) on repair tickets, from the computer after-sales flow of the seed
 * manual: on site (上门), by mail (寄修) or a parts purchase (购买配件). Money is integer fen.
 */

export const repairModes = ['on_site', 'mail_in', 'parts'] as const;
export type RepairMode = (typeof repairModes)[number];

/**
 * The stages of all three modes:
 *   on_site:  scheduled → done (the visit)
 *   mail_in:  awaiting_parcel → received → inspected (out of warranty) → quoted → repairing | declined
 *             received → repairing (in warranty); repairing → shipped → delivered → done;
 *             declined → shipped → returned_unrepaired (退回未修)
 *   parts:    requested → quoted → paid → shipped → delivered → done; quoted → declined (ends there)
 *   on_site:  scheduled → declined (out of warranty, the customer refuses the priced work; ends there)
 *   any mode: → cancelled (withdrawn by the customer or cancelled by staff) while the store holds
 *             none of the customer's goods: on_site scheduled, mail_in awaiting_parcel, parts
 *             requested, quoted or paid (a payment is then due back)
 */
export const repairStatuses = [
  'scheduled',
  'awaiting_parcel',
  'received',
  'inspected',
  'requested',
  'quoted',
  'repairing',
  'paid',
  'declined',
  'shipped',
  'delivered',
  'returned_unrepaired',
  'done',
  'cancelled',
] as const;
export type RepairStatus = (typeof repairStatuses)[number];

export const priceListItem = strictObject({
  code: priceCode,
  name: text(1, 120),
  /** 工时费 (labour) or 配件 (a part). */
  kind: zEnum(['labour', 'part']),
  /** Per unit, in fen. */
  amount: fen,
});

/**
 * The tenant's repair price list (维修价目表) for out-of-warranty repairs: labour and parts, in
 * fen, and the inspection fee (检测费) charged when the customer declines a quote after the
 * goods were inspected. The manuals name no fee for a declined quote, so it defaults to 0.
 */
export const putRepairPriceListInput = strictObject({
  items: _default(
    array(priceListItem).check(
      maxLength(500),
      refine(
        (items) => new Set(items.map((item) => item.code)).size === items.length,
        'Codes must be unique.',
      ),
    ),
    [],
  ),
  inspectionFee: _default(fen, 0),
  /** The currency of every amount on the list; quotes, fees and payments are in it. */
  currency: currencyCode,
  /** The version read; omit only when the tenant has never saved a price list. */
  version: optional(int().check(gte(1))),
});
export type PutRepairPriceListInput = Infer<typeof putRepairPriceListInput>;

export const createRepairInput = strictObject({
  /** The repair ticket the case is recorded on (opened with createTicket, type repair). */
  ticketId: ulid,
  customerId: ulid,
  purchaseId: ulid,
  /** The item's line in the purchase: 1 for the first item. */
  line: int().check(gte(1), lte(100)),
  mode: zEnum(repairModes),
  /** The fault as the customer describes it (or the parts asked for). */
  problem: text(1, 2000),
  /**
   * on_site: the appointment window (预约上门) and the technician (a staff id) who goes; without
   * one, the technician the ticket is assigned to.
   */
  appointment: optional(appointment),
  technicianId: optional(ulid),
}).check(
  refine((input) => input.mode !== 'on_site' || input.appointment !== undefined, {
    message: 'An on-site repair needs an appointment window.',
    path: ['appointment'],
  }),
);
export type CreateRepairInput = Infer<typeof createRepairInput>;

export const listRepairsQuery = strictObject({
  ...pageQueryFields,
  storeId: ulid,
  status: optional(zEnum(repairStatuses)),
  /** Creation-time range, both ends inclusive. */
  from: optional(instant),
  to: optional(instant),
});
export type ListRepairsQuery = Infer<typeof listRepairsQuery>;
