import { assertStoreAccess, type Principal } from '../../access/principal';
import { addBusinessMinutes } from '../../calendar/business-time';
import { resolveCalendar } from '../../calendar/repository';
import { findPurchase } from '../../customers/repository';
import type { IdempotencyClaim } from '../../db/idempotency';
import { DomainError } from '../../errors';
import { newId } from '../../ids';
import { findStaffMember } from '../../staff/repository';
import { findStore } from '../../stores/repository';
import { findTicket } from '../../tickets/repository';
import type { Ticket } from '../../tickets/views';
import { localDate } from '../../time/local-days';
import { appointmentProblems, appointmentRefused } from '../appointment';
import { openRepair, type RepairCase, repairEvent, visitGraceMinutes } from '../model';
import type { RepairWarrantyOf } from '../ports';
import { insertRepairCase } from '../repository';
import type { CreateRepairInput } from '../schema';

const refusedField = (code: string, path: string, message: string) =>
  new DomainError('rule_refused', code, message, [{ in: 'body', path, message }]);

/** The ticket's assignee when a technician of the ticket's store (assigned or auto-dispatched). */
async function dispatchedTechnician(tenantId: string, ticket: Ticket): Promise<string | undefined> {
  if (!ticket.assigneeId) return undefined;
  const assignee = await findStaffMember(tenantId, ticket.assigneeId);
  return assignee?.roles.includes('technician') && assignee.storeIds.includes(ticket.storeId)
    ? assignee.id
    : undefined;
}

/**
 * Registers a repair (维修登记) on its repair ticket: the purchase line, the mode, and the warranty
 * decided from the purchase under the tenant's after-sales policy (repair days not counted); an
 * on-site appointment must fall within the store's business hours. With the ticket event and the
 * reminder the first stage waits on (mail-in: the awaited parcel; on site: a visit never
 * recorded), in one transaction.
 */
export async function createRepair(
  principal: Principal,
  input: CreateRepairInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
  warrantyOf: RepairWarrantyOf,
): Promise<RepairCase> {
  const { tenantId } = principal;
  const [ticket, purchase, technician] = await Promise.all([
    findTicket(tenantId, input.ticketId),
    findPurchase(tenantId, input.customerId, input.purchaseId),
    input.technicianId ? findStaffMember(tenantId, input.technicianId) : Promise.resolve(undefined),
  ]);
  if (!ticket) throw refusedField('ticket_not_found', 'ticketId', 'No such ticket.');
  assertStoreAccess(principal, ticket.storeId);
  if (ticket.type !== 'repair') {
    throw refusedField('ticket_not_repair', 'ticketId', 'A repair is recorded on a repair ticket.');
  }
  if (!purchase) {
    throw new DomainError(
      'rule_refused',
      'purchase_not_found',
      'The purchase is not one of this customer’s.',
      [
        { in: 'body', path: 'customerId', message: 'No such customer with this purchase.' },
        { in: 'body', path: 'purchaseId', message: 'No such purchase of this customer.' },
      ],
    );
  }
  if (ticket.storeId !== purchase.storeId) {
    throw refusedField('ticket_of_another_store', 'ticketId', 'The ticket is not of the store that sold.');
  }
  if (ticket.customerId !== undefined && ticket.customerId !== input.customerId) {
    throw refusedField('ticket_of_another_customer', 'ticketId', 'The ticket is about another customer.');
  }
  const item = purchase.items[input.line - 1];
  if (!item) {
    throw new DomainError('invalid_input', 'invalid_input', 'No such purchase line.', [
      { in: 'body', path: 'line', message: `The purchase has ${purchase.items.length} lines.` },
    ]);
  }
  if (
    input.technicianId &&
    (!technician?.roles.includes('technician') || !technician.storeIds.includes(ticket.storeId))
  ) {
    throw refusedField('technician_not_found', 'technicianId', 'No technician of this store has this id.');
  }
  // 安排技术人员上门: the one named, else the technician the ticket was dispatched to.
  const technicianId =
    input.mode === 'on_site'
      ? (input.technicianId ?? (await dispatchedTechnician(tenantId, ticket)))
      : undefined;
  if (input.mode === 'on_site' && !technicianId) {
    throw refusedField(
      'technician_not_found',
      'technicianId',
      'An on-site repair needs a technician: name one, or assign the ticket to a technician first.',
    );
  }
  const store = await findStore(tenantId, ticket.storeId);
  if (!store) throw new DomainError('not_found', 'store_not_found', 'The ticket’s store no longer exists.');
  let visitStallAt: string | undefined;
  if (input.mode === 'on_site' && input.appointment) {
    // 预约上门: the window must fall in the store's business hours, not on a holiday.
    const calendar = await resolveCalendar(tenantId, store);
    const issues = appointmentProblems(calendar, input.appointment);
    if (issues.length > 0) throw appointmentRefused(issues);
    // A visit still unrecorded 2 business hours after the window reminds (model.ts, visitGraceMinutes).
    const end = new Date(input.appointment.to);
    visitStallAt = addBusinessMinutes(calendar, end, visitGraceMinutes).toISOString();
  }
  const warranty = await warrantyOf(tenantId, purchase, input.line, localDate(now, store.timezone));
  const repair = openRepair(
    { ...input, ...(technicianId ? { technicianId } : {}) },
    {
      id: newId(now),
      storeId: ticket.storeId,
      itemName: item.name,
      warranty,
      ...(visitStallAt ? { visitStallAt } : {}),
    },
    principal.userId,
    now,
  );
  const event = repairEvent(
    repair,
    'registered',
    undefined,
    repair.status,
    { actorId: principal.userId, eventId: newId(now), now },
    `${input.mode} repair of ${item.name}: ${warranty.inWarranty ? `in warranty until ${warranty.lastDay}` : `out of warranty (ended ${warranty.lastDay})`}`,
  );
  await insertRepairCase(tenantId, repair, event, { claim: idempotency, response: { body: repair }, now });
  return repair;
}
