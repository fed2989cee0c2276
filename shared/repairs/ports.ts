import type { BusinessCalendar } from '../calendar/views';
import type { Purchase } from '../customers/views';
import type { TransactionItem } from '../db/transactions';
import type { Ticket } from '../tickets/views';
import type { RepairCase, RepairWarranty } from './views';

/*
 * What the repair operations need from other areas, supplied by shared/flows/ so that repairs
 * never import after-sales or revisits: the warranty under the tenant's after-sales policy and
 * the item's repair history, the history a finished repair adds to, and the post-service revisit
 * a resolved ticket books.
 */
/** Whether the purchase line is in warranty today, its repair days not counted. */
export type RepairWarrantyOf = (
  tenantId: string,
  purchase: Purchase,
  line: number,
  today: string,
) => Promise<RepairWarranty>;

export interface RepairReactions {
  /** The writes adding a finished repair to its purchase line's history (read by the return rules). */
  readonly finished: (tenantId: string, repair: RepairCase) => Promise<readonly TransactionItem[]>;
  /** What a ticket resolved by a finished repair sets off (the post-service revisit), as transitionTicket does. */
  readonly resolved: (
    tenantId: string,
    ticket: Ticket,
    calendar: BusinessCalendar,
    actorId: string,
    now: Date,
  ) => Promise<
    { readonly postServiceRevisitId: string; readonly writes: readonly TransactionItem[] } | undefined
  >;
}
