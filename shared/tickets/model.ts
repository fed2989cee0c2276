import { DomainError, invalidInput, ruleRefused } from '../errors';
import { isOpen, judgeTransition } from './lifecycle';
import type {
  CommentOnTicketInput,
  CreateTicketInput,
  TransitionTicketInput,
  UpdateTicketInput,
} from './schema';
import type { Ticket, TimelineEvent } from './views';

/**
 * Pure ticket changes: each takes the ticket as read, the request, the actor and `now`, and
 * returns the new ticket and the timeline event that records the change. The repository writes
 * both in one transaction, conditioned on the version read, so no change exists without its event.
 */
export interface Actor {
  readonly userId: string;
  readonly roles: Parameters<typeof judgeTransition>[2]['roles'];
}

export interface Assignee {
  readonly staffId: string;
  readonly userId?: string | undefined;
}

type OpenedTicketInput = Omit<CreateTicketInput, 'customer'>;

export function openTicket(
  input: OpenedTicketInput,
  fields: { ticketId: string; eventId: string; number: string },
  actorId: string,
  now: Date,
): { ticket: Ticket; created: TimelineEvent } {
  const at = now.toISOString();
  const ticket: Ticket = {
    ...input,
    id: fields.ticketId,
    number: fields.number,
    status: 'new',
    assigneeId: null,
    reopenCount: 0,
    createdBy: actorId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  return {
    ticket,
    created: { id: fields.eventId, ticketId: ticket.id, kind: 'created', number: fields.number, actorId, at },
  };
}

const bump = (ticket: Ticket, now: Date, changes: Partial<Ticket>): Ticket => ({
  ...ticket,
  ...changes,
  updatedAt: now.toISOString(),
  version: ticket.version + 1,
});

/** Hands a ticket to someone; a new ticket becomes assigned, a ticket in work keeps its status. */
export function applyAssignment(
  ticket: Ticket,
  assignee: Assignee,
  context: { actorId: string; eventId: string; now: Date; auto: boolean; note?: string | undefined },
): { ticket: Ticket; event: TimelineEvent } | undefined {
  if (!isOpen(ticket.status)) {
    throw new DomainError('conflict', 'ticket_not_open', `A ${ticket.status} ticket cannot be assigned.`);
  }
  if (ticket.assigneeId === assignee.staffId) return undefined;
  const next = bump(ticket, context.now, {
    assigneeId: assignee.staffId,
    assigneeUserId: assignee.userId,
    status: ticket.status === 'new' ? 'assigned' : ticket.status,
  });
  return {
    ticket: next,
    event: {
      id: context.eventId,
      ticketId: ticket.id,
      kind: 'assigned',
      from: ticket.assigneeId,
      to: assignee.staffId,
      auto: context.auto,
      ...(context.note ? { note: context.note } : {}),
      actorId: context.actorId,
      at: next.updatedAt,
    },
  };
}

const dayMs = 24 * 60 * 60 * 1000;

export function applyTransition(
  ticket: Ticket,
  input: TransitionTicketInput,
  actor: Actor,
  context: { eventId: string; now: Date; reopenWindowDays: number },
): { ticket: Ticket; event: TimelineEvent } {
  const verdict = judgeTransition(ticket.status, input.to, {
    roles: actor.roles,
    isAssignee: ticket.assigneeUserId !== undefined && ticket.assigneeUserId === actor.userId,
  });
  if (!verdict.ok) {
    throw new DomainError(
      verdict.kind === 'illegal' ? 'conflict' : 'forbidden',
      verdict.code,
      verdict.detail,
    );
  }
  if (verdict.needs === 'reason' && !input.reason) {
    throw invalidInput([{ in: 'body', path: 'reason', message: `Say why the ticket moves to ${input.to}.` }]);
  }
  if (verdict.needs === 'resolution' && !input.resolution) {
    throw invalidInput([{ in: 'body', path: 'resolution', message: 'Say how the ticket was resolved.' }]);
  }
  const at = context.now.toISOString();
  let changes: Partial<Ticket> = { status: input.to };
  if (verdict.reopen) {
    const resolvedAt = Date.parse(ticket.resolvedAt ?? ticket.updatedAt);
    if (context.now.getTime() - resolvedAt > context.reopenWindowDays * dayMs) {
      throw ruleRefused(
        'reopen_window_passed',
        `Resolved tickets can be reopened within ${context.reopenWindowDays} days; open a new ticket instead.`,
      );
    }
    changes = {
      ...changes,
      resolvedAt: undefined,
      resolution: undefined,
      reopenCount: ticket.reopenCount + 1,
    };
  } else if (input.to === 'resolved') {
    changes = { ...changes, resolvedAt: at, resolution: input.resolution };
  } else if (input.to === 'closed') {
    changes = { ...changes, closedAt: at };
  } else if (input.to === 'cancelled') {
    changes = { ...changes, cancelledAt: at };
  }
  const next = bump(ticket, context.now, changes);
  return {
    ticket: next,
    event: {
      id: context.eventId,
      ticketId: ticket.id,
      kind: 'status_changed',
      from: ticket.status,
      to: input.to,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.to === 'resolved' && input.resolution ? { resolution: input.resolution } : {}),
      actorId: actor.userId,
      at,
    },
  };
}

/** A comment; the first public one by staff is the ticket's first response. */
export function applyComment(
  ticket: Ticket,
  input: CommentOnTicketInput,
  context: { actorId: string; eventId: string; now: Date },
): { ticket: Ticket | undefined; event: TimelineEvent } {
  if (ticket.status === 'closed' || ticket.status === 'cancelled') {
    throw new DomainError('conflict', 'ticket_finished', `A ${ticket.status} ticket takes no more comments.`);
  }
  const at = context.now.toISOString();
  const firstResponse = input.visibility === 'public' && ticket.firstRespondedAt === undefined;
  return {
    ticket: firstResponse ? bump(ticket, context.now, { firstRespondedAt: at }) : undefined,
    event: {
      id: context.eventId,
      ticketId: ticket.id,
      kind: 'comment',
      body: input.body,
      visibility: input.visibility,
      firstResponse,
      actorId: context.actorId,
      at,
    },
  };
}

const editableFields = ['subject', 'description', 'priority', 'type', 'contact'] as const;

/** Field edits with before/after; undefined when nothing actually changes. */
export function applyEdit(
  ticket: Ticket,
  input: UpdateTicketInput,
  context: { actorId: string; eventId: string; now: Date },
): { ticket: Ticket; event: TimelineEvent } | undefined {
  if (!isOpen(ticket.status) && ticket.status !== 'resolved') {
    throw new DomainError('conflict', 'ticket_finished', `A ${ticket.status} ticket cannot be edited.`);
  }
  const changes = editableFields.flatMap((field) => {
    const after = input[field];
    const before = ticket[field];
    return after !== undefined && JSON.stringify(after) !== JSON.stringify(before)
      ? [{ field, before, after }]
      : [];
  });
  if (changes.length === 0) return undefined;
  const next = bump(
    ticket,
    context.now,
    Object.fromEntries(changes.map((change) => [change.field, change.after])),
  );
  return {
    ticket: next,
    event: {
      id: context.eventId,
      ticketId: ticket.id,
      kind: 'updated',
      changes: changes.map((change) => ({ ...change, before: change.before ?? null })),
      actorId: context.actorId,
      at: next.updatedAt,
    },
  };
}

/**
 * How a change moves the open-ticket counts that auto-dispatch balances on: a ticket counts for
 * its assignee while it is open (new, assigned, in progress, pending).
 */
export function workloadDelta(
  before: Ticket | undefined,
  after: Ticket,
): { staffId: string; delta: number }[] {
  const counted = (ticket: Ticket | undefined) =>
    ticket?.assigneeId && isOpen(ticket.status) ? ticket.assigneeId : undefined;
  const was = counted(before);
  const is = counted(after);
  if (was === is) return [];
  return [...(was ? [{ staffId: was, delta: -1 }] : []), ...(is ? [{ staffId: is, delta: 1 }] : [])];
}
