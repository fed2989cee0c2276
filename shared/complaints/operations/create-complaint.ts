import { assertStoreAccess, type Principal } from '../../access/principal';
import { customerEntity } from '../../customers/entities';
import type { IdempotencyClaim } from '../../db/idempotency';
import { getEntity } from '../../db/items';
import { departmentEntity } from '../../departments/entities';
import { DomainError } from '../../errors';
import { newId } from '../../ids';
import { merchantEntity } from '../../merchants/entities';
import { staffMemberEntity } from '../../staff/entities';
import { findTicket } from '../../tickets/repository';
import { missingReference } from '../lookups';
import { complaintEvent, openComplaint } from '../model';
import { insertComplaint } from '../repository';
import type { CreateComplaintInput } from '../schema';
import type { Complaint } from '../views';

/** The name of a respondent named by id, if it is of the tenant and (for a store's things) the store. */
async function respondentName(
  tenantId: string,
  storeId: string,
  respondent: CreateComplaintInput['respondent'],
): Promise<string | undefined> {
  const { id } = respondent;
  if (!id || respondent.kind === 'product') return undefined;
  const values = { tenantId, id };
  const found =
    respondent.kind === 'merchant'
      ? await getEntity(merchantEntity, values, { consistent: false })
      : respondent.kind === 'department'
        ? await getEntity(departmentEntity, values, { consistent: false })
        : await getEntity(staffMemberEntity, values, { consistent: false });
  const inStore =
    found &&
    ('storeIds' in found
      ? found.storeIds.includes(storeId) || found.roles.includes('admin')
      : found.storeId === undefined || found.storeId === storeId);
  if (!found || !inStore) throw missingReference('respondent.id', respondent.kind);
  return found.name;
}

/**
 * Records a complaint case (投诉登记) on its complaint ticket: complainant, respondent, category,
 * content and the customer's claim. The case waits for its validity judgement. One case per
 * ticket; the ticket's timeline records it in the same transaction.
 */
export async function createComplaint(
  principal: Principal,
  input: CreateComplaintInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<Complaint> {
  const { tenantId } = principal;
  const ticket = await findTicket(tenantId, input.ticketId);
  if (!ticket) throw missingReference('ticketId', 'ticket');
  assertStoreAccess(principal, ticket.storeId);
  if (ticket.type !== 'complaint') {
    throw new DomainError(
      'rule_refused',
      'ticket_not_complaint',
      `A complaint case is recorded on a complaint ticket, not on a ${ticket.type} ticket.`,
      [{ in: 'body', path: 'ticketId', message: 'Needs a ticket of type complaint.' }],
    );
  }
  const { customerId } = input.complainant;
  const [name, customer] = await Promise.all([
    respondentName(tenantId, ticket.storeId, input.respondent),
    customerId ? getEntity(customerEntity, { tenantId, id: customerId }, { consistent: false }) : undefined,
  ]);
  if (customerId && !customer) throw missingReference('complainant.customerId', 'customer');
  const complaint = openComplaint(
    input,
    { id: newId(now), ticket, respondentName: name },
    principal.userId,
    now,
  );
  const event = complaintEvent(
    complaint,
    'registered',
    undefined,
    'registered',
    { actorId: principal.userId, eventId: newId(now), now },
    `${input.category}: ${input.content}`,
  );
  await insertComplaint(tenantId, complaint, event, {
    claim: idempotency,
    response: { body: complaint },
    now,
  });
  return complaint;
}
