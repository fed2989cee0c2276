import { assertStoreAccess, type Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { ConditionFailed, writeTransaction } from '../../db/transactions';
import { conflict, DomainError } from '../../errors';
import { newId } from '../../ids';
import { findMerchant, ledgerMoveWrites } from '../../merchants/repository';
import { findTicket } from '../../tickets/repository';
import { missingReference, storeCalendar } from '../lookups';
import { newClaim, reminderDue } from '../model';
import { approvalLevelFor } from '../policy';
import { claimWrites, readCompensationPolicy, ticketStillOpen } from '../repository';
import type { CreateCompensationClaimInput } from '../schema';
import type { CompensationClaim } from '../views';

/** Tickets a claim may be made on. */
const claimableTypes = ['complaint', 'return', 'exchange', 'compensation'];

/**
 * 先行赔付: the store pays the customer first and recovers from the merchant. The claim is
 * created waiting on the first approver its amount needs under the tenant's policy; the merchant
 * counts it as open (no deposit refund meanwhile); the ticket's timeline records it; and the
 * reminder of its approvers is scheduled 8 business hours (the policy's) out.
 */
export async function createCompensationClaim(
  principal: Principal,
  input: CreateCompensationClaimInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<CompensationClaim> {
  const { tenantId } = principal;
  const [ticket, merchant, policy] = await Promise.all([
    findTicket(tenantId, input.ticketId),
    findMerchant(tenantId, input.merchantId),
    readCompensationPolicy(tenantId),
  ]);
  if (!ticket) throw missingReference('ticketId', 'ticket');
  assertStoreAccess(principal, ticket.storeId);
  if (!claimableTypes.includes(ticket.type)) {
    throw new DomainError(
      'rule_refused',
      'ticket_not_claimable',
      `A claim is made on a complaint or return ticket, not on a ${ticket.type} ticket.`,
      [{ in: 'body', path: 'ticketId', message: `Needs one of: ${claimableTypes.join(', ')}.` }],
    );
  }
  // After-sales of an exited merchant's goods still fall to the store: any merchant of the store.
  if (!merchant || merchant.storeId !== ticket.storeId) throw missingReference('merchantId', 'merchant');
  const calendar = await storeCalendar(tenantId, ticket.storeId);
  const claim = newClaim(input, {
    id: newId(now),
    actor: principal,
    now,
    ticket,
    merchant,
    approvalLevel: approvalLevelFor(policy, input.amount),
    reminderDueAt: reminderDue(calendar, now, policy.reminderBusinessHours),
  });
  const claimItems = claimWrites(tenantId, claim, undefined, [
    {
      id: newId(now),
      ticketId: ticket.id,
      kind: 'compensation',
      claimId: claim.id,
      step: 'requested',
      amount: claim.amount,
      detail: `needs ${claim.approvalLevel.steps.join(' + ')}`,
      actorId: principal.userId,
      at: now.toISOString(),
    },
  ]);
  const items = [
    ...claimItems,
    ticketStillOpen(tenantId, ticket.id),
    ...ledgerMoveWrites(tenantId, { merchantId: merchant.id, rule: 'none', openClaims: 1, now }).items,
  ];
  try {
    await writeTransaction(tenantId, items, { claim: idempotency, response: { body: claim }, now });
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === claimItems.length) {
      throw conflict('ticket_finished', 'The ticket was closed or cancelled meanwhile.');
    }
    throw error;
  }
  return claim;
}
