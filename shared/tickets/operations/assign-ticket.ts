import type { Principal } from '../../access/principal';
import { DomainError } from '../../errors';
import { newId } from '../../ids';
import { assigneeNotLinked } from '../../staff/linking';
import { findMembership } from '../../staff/repository';
import { assertReadVersion, visibleTicket } from '../changes';
import { canTake } from '../dispatch';
import { type Assignee, applyAssignment } from '../model';
import { saveTicketChange } from '../repository';
import type { AssignTicketInput } from '../schema';
import { sideEffects } from '../side-effects';
import type { Ticket } from '../views';

/** Dispatch by hand: the assignee must work in the ticket's store in a role that can take its type. */
export async function assignTicket(
  principal: Principal,
  ticketId: string,
  input: AssignTicketInput,
  now: Date,
): Promise<Ticket> {
  const ticket = await visibleTicket(principal, ticketId);
  assertReadVersion(ticket, input.version);
  const member = await findMembership(principal.tenantId, ticket.storeId, input.assigneeId);
  if (!member) {
    throw new DomainError(
      'rule_refused',
      'assignee_not_in_store',
      'The assignee does not work in this store.',
      [{ in: 'body', path: 'assigneeId', message: 'Not a staff member of the ticket’s store.' }],
    );
  }
  if (member.userId === undefined) throw assigneeNotLinked(member.id);
  if (!canTake(ticket.type, member.roles)) {
    throw new DomainError(
      'rule_refused',
      'assignee_cannot_take',
      `No role of the assignee takes ${ticket.type} tickets.`,
      [{ in: 'body', path: 'assigneeId', message: `Cannot take ${ticket.type} tickets.` }],
    );
  }
  const assignee: Assignee = { staffId: member.id, userId: member.userId };
  const change = applyAssignment(ticket, assignee, {
    actorId: principal.userId,
    eventId: newId(now),
    now,
    auto: false,
    note: input.note,
  });
  if (!change) return ticket;
  await saveTicketChange(
    principal.tenantId,
    ticket,
    change.ticket,
    [change.event],
    sideEffects(principal.tenantId, ticket, change.ticket, now),
  );
  return change.ticket;
}
