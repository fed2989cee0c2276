import { assertStoreAccess, type Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { DomainError } from '../../errors';
import { newId } from '../../ids';
import { createTicket } from '../../tickets/operations/create-ticket';
import { findTicket } from '../../tickets/repository';
import { readAndDecide } from '../deciding';
import { caseEvent, openReturnCase, type ReturnCase } from '../model';
import { caseEventWrite, insertReturnCase, returnCaseWrite } from '../repository';
import type { CreateReturnInput } from '../schema';

const refusedField = (code: string, path: string, message: string) =>
  new DomainError('rule_refused', code, message, [{ in: 'body', path, message }]);

/**
 * Registers a return or exchange (退换货登记) with the engine's decision and the policy version it
 * used: on a new ticket of type return/exchange (opened in the same transaction) or on the ticket
 * given. A refused decision is recorded too: the desk then explains and records the refusal.
 */
export async function createReturn(
  principal: Principal,
  input: CreateReturnInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<ReturnCase> {
  const { purchase, decision } = await readAndDecide(principal, input, now);
  const build = (ticketId: string) => {
    const returnCase = openReturnCase(
      input,
      { id: newId(now), ticketId, storeId: purchase.storeId, currency: purchase.currency },
      decision,
      principal.userId,
      now,
    );
    const note = `${input.kind} (${input.reason}): ${decision.outcomes.join(', ')}; policy v${decision.policyVersion}`;
    const event = caseEvent(
      returnCase,
      'decided',
      undefined,
      'decided',
      { actorId: principal.userId, eventId: newId(now), now },
      note,
    );
    return { returnCase, event };
  };

  if (input.ticketId) {
    const ticket = await findTicket(principal.tenantId, input.ticketId);
    if (!ticket) throw refusedField('ticket_not_found', 'ticketId', 'No such ticket.');
    assertStoreAccess(principal, ticket.storeId);
    if (ticket.storeId !== purchase.storeId) {
      throw refusedField('ticket_of_another_store', 'ticketId', 'The ticket is not of the store that sold.');
    }
    const { returnCase, event } = build(ticket.id);
    await insertReturnCase(principal.tenantId, returnCase, event, {
      claim: idempotency,
      response: { body: returnCase },
      now,
    });
    return returnCase;
  }

  let built: ReturnType<typeof build> | undefined;
  const names = input.items.map((item) => purchase.items[item.line - 1]?.name ?? '').join(', ');
  await createTicket(
    principal,
    {
      storeId: purchase.storeId,
      type: input.kind,
      channel: input.channel,
      priority: 'normal',
      subject: `${input.kind === 'return' ? '退货' : '换货'}: ${names}`.slice(0, 200),
      description: input.description,
      customerId: input.customerId,
      purchaseId: input.purchaseId,
    },
    now,
    idempotency,
    undefined,
    (ticket) => {
      built = build(ticket.id);
      return {
        writes: [
          returnCaseWrite(principal.tenantId, built.returnCase),
          caseEventWrite(principal.tenantId, built.event),
        ],
        response: built.returnCase,
      };
    },
  );
  if (!built) throw new Error('createTicket returned without building the return case');
  return built.returnCase;
}
