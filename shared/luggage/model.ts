import { TZDate } from '@date-fns/tz';
import { DomainError, ruleRefused } from '../errors';
import type { PickUpLuggageInput, StoreLuggageInput } from './schema';
import type { Luggage, LuggageHistoryEntry } from './views';

/** Pure luggage changes: the record as read, the request, the actor and `now` in. */

/** `days` calendar days later at the same wall-clock time in the store's zone, as an instant. */
export function daysLater(from: Date, days: number, timezone: string): Date {
  const local = new TZDate(from.getTime(), timezone);
  return new Date(
    new TZDate(
      local.getFullYear(),
      local.getMonth(),
      local.getDate() + days,
      local.getHours(),
      local.getMinutes(),
      local.getSeconds(),
      timezone,
    ).getTime(),
  );
}

/**
 * What the desk never takes into the luggage room: valuables (the guest is offered a safe box)
 * and flammables (refused outright). Flammables are named first: that refusal has no alternative.
 */
export function assertAcceptableContents(contents: readonly string[]): void {
  if (contents.includes('flammables')) {
    throw ruleRefused(
      'luggage_flammables_refused',
      'Flammable or explosive items are not taken into storage.',
    );
  }
  if (contents.includes('valuables')) {
    throw ruleRefused(
      'luggage_valuables_refused',
      'Valuables are not stored as luggage; offer the guest a safe deposit box.',
    );
  }
}

export function newLuggage(fields: {
  id: string;
  input: StoreLuggageInput;
  unclaimedDays: number;
  timezone: string;
  actorId: string;
  now: Date;
}): Luggage {
  const { input, now } = fields;
  const at = now.toISOString();
  const expected = new Date(input.expectedPickUpAt);
  const tagNumber = input.tagNumber.toUpperCase();
  return {
    id: fields.id,
    storeId: input.storeId,
    tagNumber,
    pieces: input.pieces,
    description: input.description,
    location: input.location,
    guestName: input.guestName,
    ...(input.room ? { room: input.room } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    declaredContents: [...new Set(input.declaredContents)],
    ...(input.note ? { note: input.note } : {}),
    storedAt: at,
    storedBy: fields.actorId,
    expectedPickUpAt: expected.toISOString(),
    unclaimedAt: daysLater(expected, fields.unclaimedDays, fields.timezone).toISOString(),
    status: 'stored',
    history: [
      { at, by: fields.actorId, what: 'stored', detail: `tag ${tagNumber}, ${input.pieces} piece(s)` },
    ],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** The reminder stored luggage still needs: once, when it is unclaimed long after its pick-up. */
export function luggageTimerOf(luggage: Luggage): { stage: string; dueAt: string } | undefined {
  return luggage.status === 'stored' && !luggage.remindedAt
    ? { stage: 'unclaimed', dueAt: luggage.unclaimedAt }
    : undefined;
}

const changed = (
  luggage: Luggage,
  now: Date,
  changes: Partial<Luggage>,
  history: LuggageHistoryEntry[],
): Luggage => ({
  ...luggage,
  ...changes,
  history: [...luggage.history, ...history],
  updatedAt: now.toISOString(),
  version: luggage.version + 1,
});

/** Still here long after its expected pick-up: the desk is reminded (it stays stored). */
export function markUnclaimed(luggage: Luggage, now: Date): Luggage {
  return changed(luggage, now, { remindedAt: now.toISOString() }, [
    {
      at: now.toISOString(),
      by: 'timer',
      what: 'unclaimed_reminded',
      detail: `expected ${luggage.expectedPickUpAt}`,
    },
  ]);
}

/**
 * Collected: with the stub (its number must be this tag's), or with an ID (type and last four
 * characters only) and a signed lost-stub certificate. The tag number is free again after this.
 */
export function applyPickUp(
  luggage: Luggage,
  input: PickUpLuggageInput,
  context: { actorId: string; now: Date },
): Luggage {
  if (luggage.status !== 'stored') {
    throw new DomainError('conflict', 'luggage_picked_up', 'The luggage has already been picked up.');
  }
  const at = context.now.toISOString();
  if (input.with === 'stub') {
    if (input.tagNumber.toUpperCase() !== luggage.tagNumber) {
      throw ruleRefused(
        'luggage_stub_mismatch',
        'The stub’s number is not this luggage’s tag; check the stub, or use ID and a lost-stub certificate.',
      );
    }
    return changed(
      luggage,
      context.now,
      { status: 'picked_up', pickUp: { with: 'stub', at, by: context.actorId } },
      [{ at, by: context.actorId, what: 'picked_up', detail: 'with the stub' }],
    );
  }
  return changed(
    luggage,
    context.now,
    {
      status: 'picked_up',
      pickUp: {
        with: 'id_and_certificate',
        collectorName: input.collectorName,
        idType: input.idType,
        idLast4: input.idLast4.toUpperCase(),
        certificateRef: input.certificateRef,
        at,
        by: context.actorId,
      },
    },
    [
      {
        at,
        by: context.actorId,
        what: 'picked_up',
        detail: `stub lost: ${input.collectorName}, certificate ${input.certificateRef}`,
      },
    ],
  );
}
