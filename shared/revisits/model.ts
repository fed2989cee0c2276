import { addWorkingDays } from '../calendar/business-time';
import type { BusinessCalendar } from '../calendar/views';
import { DomainError } from '../errors';
import { maxRevisitAttempts, openRevisitStatuses } from './defaults';
import type { RecordRevisitAttemptInput, RevisitKind } from './schema';
import type { Revisit } from './views';

/** Pure revisit changes: the revisit as read, the request, the actor and `now` in; the new revisit out. */
export function newRevisit(fields: {
  id: string;
  customerId: string;
  storeId: string;
  kind: RevisitKind;
  dueAt: Date;
  actorId: string;
  now: Date;
  purpose?: 'call' | 'home_visit';
  purchaseId?: string | undefined;
  ticketId?: string | undefined;
  assigneeId?: string | undefined;
  note?: string | undefined;
}): Revisit {
  const at = fields.now.toISOString();
  return {
    id: fields.id,
    customerId: fields.customerId,
    storeId: fields.storeId,
    kind: fields.kind,
    purpose: fields.purpose ?? 'call',
    ...(fields.purchaseId ? { purchaseId: fields.purchaseId } : {}),
    ...(fields.ticketId ? { ticketId: fields.ticketId } : {}),
    ...(fields.note ? { note: fields.note } : {}),
    dueAt: fields.dueAt.toISOString(),
    status: fields.dueAt <= fields.now ? 'due' : 'scheduled',
    assigneeId: fields.assigneeId ?? null,
    attempts: [],
    history: [{ at, by: fields.actorId, what: 'scheduled' }],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

const bump = (revisit: Revisit, now: Date, changes: Partial<Revisit>): Revisit => ({
  ...revisit,
  ...changes,
  updatedAt: now.toISOString(),
  version: revisit.version + 1,
});

export const isOpenRevisit = (revisit: Revisit) => openRevisitStatuses.includes(revisit.status);

function assertOpen(revisit: Revisit): void {
  if (!isOpenRevisit(revisit)) {
    throw new DomainError('conflict', 'revisit_closed', `A ${revisit.status} revisit takes no more changes.`);
  }
}

/**
 * One call (or visit): reached → done with its score; refused → done; unreachable → again at
 * the start of the store's next working day, until the third try fails.
 */
export function applyAttempt(
  revisit: Revisit,
  input: RecordRevisitAttemptInput,
  context: { actorId: string; now: Date; calendar: BusinessCalendar },
): { revisit: Revisit; followUpNeeded: boolean } {
  assertOpen(revisit);
  const at = context.now.toISOString();
  const attempts = [
    ...revisit.attempts,
    {
      at,
      by: context.actorId,
      outcome: input.outcome,
      ...(input.satisfaction !== undefined ? { satisfaction: input.satisfaction } : {}),
      ...(input.comment ? { comment: input.comment } : {}),
    },
  ];
  const history = [
    ...revisit.history,
    { at, by: context.actorId, what: 'attempt' as const, detail: input.outcome },
  ];
  if (input.outcome === 'unreachable') {
    if (attempts.length >= maxRevisitAttempts) {
      return {
        revisit: bump(revisit, context.now, {
          attempts,
          status: 'failed',
          history: [...history, { at, by: context.actorId, what: 'failed' }],
        }),
        followUpNeeded: false,
      };
    }
    const retryAt = addWorkingDays(context.calendar, context.now, 1).toISOString();
    return {
      revisit: bump(revisit, context.now, {
        attempts,
        status: 'scheduled',
        dueAt: retryAt,
        history: [...history, { at, by: context.actorId, what: 'rescheduled', detail: retryAt }],
      }),
      followUpNeeded: false,
    };
  }
  return {
    revisit: bump(revisit, context.now, {
      attempts,
      status: 'done',
      ...(input.satisfaction !== undefined ? { satisfaction: input.satisfaction } : {}),
      history: [...history, { at, by: context.actorId, what: 'done' }],
    }),
    followUpNeeded: input.satisfaction !== undefined && input.satisfaction <= 2,
  };
}

export function applyAssignment(
  revisit: Revisit,
  assigneeId: string,
  context: { actorId: string; now: Date },
): Revisit {
  assertOpen(revisit);
  return bump(revisit, context.now, {
    assigneeId,
    history: [
      ...revisit.history,
      { at: context.now.toISOString(), by: context.actorId, what: 'assigned', detail: assigneeId },
    ],
  });
}

export function markDue(revisit: Revisit, now: Date): Revisit {
  return bump(revisit, now, {
    status: 'due',
    history: [...revisit.history, { at: now.toISOString(), by: 'timer', what: 'due' }],
  });
}

export function cancelRevisit(
  revisit: Revisit,
  reason: string,
  context: { actorId: string; now: Date },
): Revisit {
  return bump(revisit, context.now, {
    status: 'cancelled',
    history: [
      ...revisit.history,
      { at: context.now.toISOString(), by: context.actorId, what: 'cancelled', detail: reason },
    ],
  });
}

export function linkFollowUp(
  revisit: Revisit,
  ticketId: string,
  context: { actorId: string; now: Date },
): Revisit {
  return bump(revisit, context.now, {
    followUpTicketId: ticketId,
    history: [
      ...revisit.history,
      { at: context.now.toISOString(), by: context.actorId, what: 'follow_up_opened', ticketId },
    ],
  });
}
