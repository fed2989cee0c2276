import { resolveCalendar } from '../calendar/repository';
import type { BusinessCalendar } from '../calendar/schema';
import type { Purchase } from '../customers/schema';
import type { TransactionItem } from '../db/transactions';
import { newId } from '../ids';
import type { Store } from '../stores/schema';
import type { Ticket } from '../tickets/schema';
import { newRevisit } from './model';
import { planPostService, planPurchaseRevisits } from './planning';
import { readRevisitRules, revisitWrites } from './repository';
import type { Revisit } from './schema';

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
): Promise<ScheduledRevisits | undefined> {
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
  return { revisits: [revisit], writes: revisitWrites(tenantId, revisit) };
}
