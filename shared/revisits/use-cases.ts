import { assertStoreAccess, canActInStore, type Principal } from '../access/principal';
import { resolveCalendar } from '../calendar/repository';
import { findCustomer, findPurchase } from '../customers/repository';
import type { Page } from '../db/cursor';
import { type IdempotencyClaim, once } from '../db/idempotency';
import { DomainError, invalidInput, notFound } from '../errors';
import { newId } from '../ids';
import { findMembership } from '../staff/repository';
import { findStore } from '../stores/repository';
import { findTicket } from '../tickets/repository';
import { revisitKeys } from './keys';
import { assignRevisit, linkFollowUp, newRevisit, recordAttempt } from './model';
import { findRevisit, listRevisitsInView, revisitWrites, saveRevisits } from './repository';
import type { AttemptInput, ListRevisitsQuery, ManualRevisitInput, Revisit } from './schema';

const missing = (path: string, what: string) =>
  new DomainError('rule_refused', `${what}_not_found`, `No such ${what}.`, [
    { in: 'body', path, message: `No such ${what}.` },
  ]);

export async function getRevisit(principal: Principal, revisitId: string): Promise<Revisit> {
  const revisit = await findRevisit(principal.tenantId, revisitId);
  if (!revisit) throw notFound('revisit');
  assertStoreAccess(principal, revisit.storeId);
  return revisit;
}

/** A revisit booked by hand: a call or a home visit (上门拜访), on a given day, optionally assigned. */
export async function bookRevisit(
  principal: Principal,
  input: ManualRevisitInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<Revisit> {
  assertStoreAccess(principal, input.storeId);
  const [store, customer, purchase, assignee, ticket] = await Promise.all([
    findStore(principal.tenantId, input.storeId),
    findCustomer(principal.tenantId, input.customerId),
    input.purchaseId ? findPurchase(principal.tenantId, input.customerId, input.purchaseId) : undefined,
    input.assigneeId ? findMembership(principal.tenantId, input.storeId, input.assigneeId) : undefined,
    input.ticketId ? findTicket(principal.tenantId, input.ticketId) : undefined,
  ]);
  if (!store) throw missing('storeId', 'store');
  if (!customer) throw missing('customerId', 'customer');
  // Every link must lead somewhere the caller may see: this tenant, their stores, this customer.
  // What lies outside their stores answers as absent, so its existence is not told either.
  if (input.purchaseId && !(purchase && canActInStore(principal, purchase.storeId))) {
    throw missing('purchaseId', 'purchase');
  }
  if (input.assigneeId && !assignee) throw missing('assigneeId', 'assignee');
  if (
    input.ticketId &&
    !(ticket && ticket.customerId === customer.id && canActInStore(principal, ticket.storeId))
  ) {
    throw missing('ticketId', 'ticket');
  }
  const revisit = newRevisit({
    id: newId(now),
    customerId: customer.id,
    storeId: store.id,
    kind: 'manual',
    purpose: input.purpose,
    // The schema admits only real instants in 2000–2100, so this Date is valid.
    dueAt: new Date(input.dueAt),
    purchaseId: input.purchaseId,
    ticketId: input.ticketId,
    assigneeId: input.assigneeId,
    note: input.note,
    actorId: principal.userId,
    now,
  });
  await saveRevisits(principal.tenantId, revisitWrites(principal.tenantId, revisit), {
    claim: idempotency,
    response: { body: revisit },
    now,
  });
  return revisit;
}

/** The work queue: a store's revisits in one status, oldest due first. */
export async function revisitQueue(principal: Principal, query: ListRevisitsQuery): Promise<Page<Revisit>> {
  const storeId = query.storeId ?? (principal.storeIds.length === 1 ? principal.storeIds[0] : undefined);
  if (!storeId)
    throw invalidInput([{ in: 'query', path: 'storeId', message: 'Name the store whose revisits to list.' }]);
  assertStoreAccess(principal, storeId);
  return listRevisitsInView(revisitKeys.byStoreAndStatus(principal.tenantId, storeId, query.status), {
    limit: query.limit,
    cursor: query.cursor,
    list: 'revisits',
    filters: { storeId, status: query.status },
  });
}

/** A customer's revisits, newest due first: their 回访 history. Other stores' are hidden from store staff. */
export async function customerRevisits(
  principal: Principal,
  customerId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<Revisit>> {
  if (!(await findCustomer(principal.tenantId, customerId))) throw notFound('customer');
  const result = await listRevisitsInView(revisitKeys.byCustomer(principal.tenantId, customerId), {
    ...page,
    newestFirst: true,
    list: 'customer-revisits',
    filters: { customerId },
  });
  return {
    items: result.items.filter((revisit) => canActInStore(principal, revisit.storeId)),
    cursor: result.cursor,
  };
}

export async function assignRevisitTo(
  principal: Principal,
  revisitId: string,
  input: { assigneeId: string; version?: number | undefined },
  now: Date,
): Promise<Revisit> {
  const revisit = await getRevisit(principal, revisitId);
  if (input.version !== undefined && input.version !== revisit.version) {
    throw new DomainError(
      'conflict',
      'version_conflict',
      `The revisit is at version ${revisit.version}; read it again.`,
    );
  }
  if (!(await findMembership(principal.tenantId, revisit.storeId, input.assigneeId))) {
    throw missing('assigneeId', 'assignee');
  }
  const assigned = assignRevisit(revisit, input.assigneeId, { actorId: principal.userId, now });
  await saveRevisits(principal.tenantId, revisitWrites(principal.tenantId, assigned, revisit));
  return assigned;
}

/**
 * Opens the complaint that follows an unhappy revisit, under `claim` so it exists once. Supplied
 * by shared/flows/, so that revisits never import tickets.
 */
export type OpenFollowUp = (
  principal: Principal,
  revisit: Revisit,
  attempt: AttemptInput,
  now: Date,
  claim: IdempotencyClaim,
) => Promise<{ readonly id: string }>;

/**
 * Records one attempt. A score of 1–2 opens a high-priority complaint linked both ways. The
 * complaint is created first, keyed by the revisit (so it exists once however often this is
 * retried), then the attempt and the link land together with the request's idempotency record.
 */
export async function recordRevisitAttempt(
  principal: Principal,
  revisitId: string,
  input: AttemptInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
  openFollowUp: OpenFollowUp,
): Promise<Revisit> {
  const revisit = await getRevisit(principal, revisitId);
  const store = await findStore(principal.tenantId, revisit.storeId);
  if (!store) throw notFound('store');
  const calendar = await resolveCalendar(principal.tenantId, store);
  const attempted = recordAttempt(revisit, input, { actorId: principal.userId, now, calendar });
  let after = attempted.revisit;
  if (attempted.followUpNeeded) {
    const claim = { scope: 'revisit-follow-up', key: revisit.id, fingerprint: revisit.id };
    const complaint = await once(principal.tenantId, claim, now, async () => ({
      body: await openFollowUp(principal, revisit, input, now, claim),
    }));
    after = linkFollowUp(after, (complaint.body as { id: string }).id, { actorId: principal.userId, now });
  }
  await saveRevisits(principal.tenantId, revisitWrites(principal.tenantId, after, revisit), {
    claim: idempotency,
    response: { body: after },
    now,
  });
  return after;
}
