import { assertStoreAccess, canActInStore, type Principal } from '../../access/principal';
import { findCustomer, findPurchase } from '../../customers/repository';
import type { IdempotencyClaim } from '../../db/idempotency';
import { newId } from '../../ids';
import { findMembership } from '../../staff/repository';
import { findStore } from '../../stores/repository';
import { findTicket } from '../../tickets/repository';
import { missingReference } from '../lookups';
import { newRevisit } from '../model';
import { revisitWrites, saveRevisits } from '../repository';
import type { CreateRevisitInput } from '../schema';
import type { Revisit } from '../views';

/** A revisit booked by hand: a call or a home visit (上门拜访), on a given day, optionally assigned. */
export async function createRevisit(
  principal: Principal,
  input: CreateRevisitInput,
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
  if (!store) throw missingReference('storeId', 'store');
  if (!customer) throw missingReference('customerId', 'customer');
  // Every link must lead somewhere the caller may see: this tenant, their stores, this customer.
  // What lies outside their stores answers as absent, so its existence is not told either.
  if (input.purchaseId && !(purchase && canActInStore(principal, purchase.storeId))) {
    throw missingReference('purchaseId', 'purchase');
  }
  if (input.assigneeId && !assignee) throw missingReference('assigneeId', 'assignee');
  if (
    input.ticketId &&
    !(ticket && ticket.customerId === customer.id && canActInStore(principal, ticket.storeId))
  ) {
    throw missingReference('ticketId', 'ticket');
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
