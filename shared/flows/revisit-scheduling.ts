/*
 * Revisits follow from what happens elsewhere: a recorded purchase books its post-sale and
 * warranty revisits, a closed one cancels those still to do, a resolved service ticket books its
 * post-service revisit. Here, not in customers/ or tickets/, so those areas never import revisits.
 */
import { resolveCalendar } from '../calendar/repository';
import type { BusinessCalendar } from '../calendar/views';
import type { PurchaseReactions } from '../customers/reactions';
import type { Purchase } from '../customers/views';
import type { TransactionItem } from '../db/transactions';
import { newId } from '../ids';
import { cancelRevisit, isOpenRevisit, newRevisit } from '../revisits/model';
import { planPostService, planPurchaseRevisits } from '../revisits/planning';
import { allRevisitsOfCustomer, readRevisitRules, revisitWrites } from '../revisits/repository';
import type { Revisit } from '../revisits/views';
import type { Store } from '../stores/views';
import type { TicketReactions } from '../tickets/operations/transition-ticket';
import type { Ticket } from '../tickets/views';

export interface ScheduledRevisits {
  readonly revisits: readonly Revisit[];
  /** To be written in the transaction of the purchase or ticket change that caused them. */
  readonly writes: readonly TransactionItem[];
}

/** The revisits a recorded purchase earns under the tenant's rules, on its store's calendar. */
export async function revisitsForPurchase(
  tenantId: string,
  purchase: Purchase,
  store: Store,
  actorId: string,
  now: Date,
): Promise<ScheduledRevisits> {
  const [rules, calendar] = await Promise.all([readRevisitRules(tenantId), resolveCalendar(tenantId, store)]);
  const revisits = planPurchaseRevisits(purchase, rules, calendar, now).map((planned) =>
    newRevisit({
      id: newId(now),
      customerId: purchase.customerId,
      storeId: purchase.storeId,
      kind: planned.kind,
      dueAt: planned.dueAt,
      purchaseId: purchase.id,
      note: planned.note,
      actorId,
      now,
    }),
  );
  return { revisits, writes: revisits.flatMap((revisit) => revisitWrites(tenantId, revisit)) };
}

/** A 回访 N working days after a service, once per ticket, for the ticket types the rules name. */
export async function revisitAfterService(
  tenantId: string,
  ticket: Ticket,
  calendar: BusinessCalendar,
  actorId: string,
  now: Date,
): Promise<{ postServiceRevisitId: string; writes: readonly TransactionItem[] } | undefined> {
  if (!ticket.customerId || ticket.postServiceRevisitId) return undefined;
  const rules = await readRevisitRules(tenantId);
  if (!rules.postService.enabled || !rules.postService.ticketTypes.includes(ticket.type)) return undefined;
  const revisit = newRevisit({
    id: newId(now),
    customerId: ticket.customerId,
    storeId: ticket.storeId,
    kind: 'post_service',
    dueAt: planPostService(rules, calendar, now),
    ticketId: ticket.id,
    ...(ticket.purchaseId ? { purchaseId: ticket.purchaseId } : {}),
    note: `${ticket.number} ${ticket.subject}`,
    actorId,
    now,
  });
  return { postServiceRevisitId: revisit.id, writes: revisitWrites(tenantId, revisit) };
}

/** What a resolved ticket sets off, for `transitionTicket`. */
export const ticketReactions: TicketReactions = { resolved: revisitAfterService };

/** A cancelled or returned purchase's revisits still to do are cancelled with it. */
export async function cancelPurchaseRevisits(
  tenantId: string,
  purchase: Purchase,
  reason: string,
  actorId: string,
  now: Date,
): Promise<TransactionItem[]> {
  const pending = (await allRevisitsOfCustomer(tenantId, purchase.customerId)).filter(
    (revisit) =>
      revisit.purchaseId === purchase.id && revisit.kind !== 'post_service' && isOpenRevisit(revisit),
  );
  return pending.flatMap((revisit) =>
    revisitWrites(tenantId, cancelRevisit(revisit, reason, { actorId, now }), revisit),
  );
}

/** What recording and closing a purchase set off, for `createPurchase` and `closePurchase`. */
export const purchaseReactions: PurchaseReactions = {
  recorded: async (tenantId, purchase, store, actorId, now) => {
    const planned = await revisitsForPurchase(tenantId, purchase, store, actorId, now);
    return {
      writes: planned.writes,
      revisits: planned.revisits.map(({ id, kind, dueAt }) => ({ id, kind, dueAt })),
    };
  },
  closed: cancelPurchaseRevisits,
};
