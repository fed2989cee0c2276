import { assertStoreAccess, type Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { DomainError } from '../../errors';
import { newId } from '../../ids';
import { findTicket } from '../../tickets/repository';
import { readAndDecide } from '../deciding';
import { caseEvent, openReturnCase, type ReturnCase } from '../model';
import { insertReturnCase } from '../repository';
import type { CreateReturnInput } from '../schema';

const refusedField = (code: string, path: string, message: string) =>
  new DomainError('rule_refused', code, message, [{ in: 'body', path, message }]);

/**
 * Registers a return or exchange (退换货登记) on its ticket with the engine's decision and the
 * policy version it used, and the ticket event, in one transaction. A refused decision is
 * recorded too: the desk then explains and records the refusal.
 */
export async function createReturn(
  principal: Principal,
  input: CreateReturnInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<ReturnCase> {
  const [{ purchase, decision }, ticket] = await Promise.all([
    readAndDecide(principal, input, now),
    findTicket(principal.tenantId, input.ticketId),
  ]);
  if (!ticket) throw refusedField('ticket_not_found', 'ticketId', 'No such ticket.');
  assertStoreAccess(principal, ticket.storeId);
  if (ticket.storeId !== purchase.storeId) {
    throw refusedField('ticket_of_another_store', 'ticketId', 'The ticket is not of the store that sold.');
  }
  if (ticket.customerId !== undefined && ticket.customerId !== input.customerId) {
    throw refusedField('ticket_of_another_customer', 'ticketId', 'The ticket is about another customer.');
  }
  const returnCase = openReturnCase(
    input,
    { id: newId(now), ticketId: ticket.id, storeId: purchase.storeId, currency: purchase.currency },
    decision,
    principal.userId,
    now,
  );
  const event = caseEvent(
    returnCase,
    'decided',
    undefined,
    'decided',
    { actorId: principal.userId, eventId: newId(now), now },
    `${input.kind} (${input.reason}): ${decision.outcomes.join(', ')}; policy v${decision.policyVersion}`,
  );
  await insertReturnCase(principal.tenantId, returnCase, event, {
    claim: idempotency,
    response: { body: returnCase },
    now,
  });
  return returnCase;
}
