import { TZDate } from '@date-fns/tz';
import { DomainError } from '../errors';
import type { ClaimLostItemInput, DisposeLostItemInput, RecordFoundItemInput } from './schema';
import type { LostItem, LostItemHistoryEntry } from './views';

/** Pure lost-and-found changes: the item as read, the request, the actor and `now` in. */

export interface RetentionPeriod {
  readonly amount: number;
  readonly unit: 'day' | 'month';
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/**
 * The end of retention: the wall-clock time it was found, in the store's zone, `amount` days or
 * calendar months later (31 January + 1 month → 28/29 February), as an instant.
 */
export function retentionEnd(foundAt: Date, period: RetentionPeriod, timezone: string): Date {
  const local = new TZDate(foundAt.getTime(), timezone);
  let year = local.getFullYear();
  let month = local.getMonth();
  let day = local.getDate();
  if (period.unit === 'month') {
    const total = month + period.amount;
    year += Math.floor(total / 12);
    month = total % 12;
    day = Math.min(day, daysIn(year, month));
  } else {
    const shifted = new Date(Date.UTC(year, month, day + period.amount));
    year = shifted.getUTCFullYear();
    month = shifted.getUTCMonth();
    day = shifted.getUTCDate();
  }
  return new Date(
    new TZDate(
      year,
      month,
      day,
      local.getHours(),
      local.getMinutes(),
      local.getSeconds(),
      timezone,
    ).getTime(),
  );
}

export function newLostItem(fields: {
  id: string;
  input: RecordFoundItemInput;
  retention: RetentionPeriod;
  timezone: string;
  actorId: string;
  now: Date;
}): LostItem {
  const { input, now } = fields;
  const at = now.toISOString();
  const foundAt = new Date(input.foundAt);
  return {
    id: fields.id,
    storeId: input.storeId,
    description: input.description,
    category: input.category,
    foundWhere: input.foundWhere,
    foundAt: foundAt.toISOString(),
    foundBy: input.foundBy,
    storagePlace: input.storagePlace,
    recordedBy: fields.actorId,
    retainUntil: retentionEnd(foundAt, fields.retention, fields.timezone).toISOString(),
    retention: { amount: fields.retention.amount, unit: fields.retention.unit },
    status: 'held',
    history: [
      {
        at,
        by: fields.actorId,
        what: 'found',
        detail: `${input.foundWhere} by ${input.foundBy}; ${input.category}`,
      },
    ],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** The reminder a held item still needs: once, when its retention ends. */
export function lostItemTimerOf(item: LostItem): { stage: string; dueAt: string } | undefined {
  return item.status === 'held' && !item.remindedAt
    ? { stage: 'retention', dueAt: item.retainUntil }
    : undefined;
}

const changed = (
  item: LostItem,
  now: Date,
  changes: Partial<LostItem>,
  history: LostItemHistoryEntry[],
): LostItem => ({
  ...item,
  ...changes,
  history: [...item.history, ...history],
  updatedAt: now.toISOString(),
  version: item.version + 1,
});

function assertHeld(item: LostItem): void {
  if (item.status !== 'held') {
    throw new DomainError(
      'conflict',
      'lost_item_closed',
      `The item is ${item.status}; nothing more to record.`,
    );
  }
}

/** Retention is over: the desk is reminded to dispose of it or hand it to the police. */
export function markRetentionEnded(item: LostItem, now: Date): LostItem {
  return changed(item, now, { remindedAt: now.toISOString() }, [
    { at: now.toISOString(), by: 'timer', what: 'retention_ended', detail: `kept since ${item.foundAt}` },
  ]);
}

/** The owner claims it: their description, ID type and last four characters, the signed form. */
export function applyClaim(
  item: LostItem,
  input: ClaimLostItemInput,
  context: { actorId: string; now: Date },
): LostItem {
  assertHeld(item);
  const at = context.now.toISOString();
  return changed(
    item,
    context.now,
    {
      status: 'claimed',
      claim: {
        claimantName: input.claimantName,
        claimantDescription: input.claimantDescription,
        idType: input.idType,
        idLast4: input.idLast4.toUpperCase(),
        signatureRef: input.signatureRef,
        at,
        by: context.actorId,
      },
    },
    [{ at, by: context.actorId, what: 'claimed', detail: input.claimantName }],
  );
}

/** At the end of retention (not before): disposed of, or handed to the police. */
export function applyDisposal(
  item: LostItem,
  input: DisposeLostItemInput,
  context: { actorId: string; now: Date },
): LostItem {
  assertHeld(item);
  if (context.now.getTime() < Date.parse(item.retainUntil)) {
    throw new DomainError(
      'rule_refused',
      'retention_not_over',
      `The item is kept until ${item.retainUntil}.`,
    );
  }
  const at = context.now.toISOString();
  return changed(
    item,
    context.now,
    {
      status: input.how,
      disposal: {
        how: input.how,
        ...(input.note ? { note: input.note } : {}),
        ...(input.receiptRef ? { receiptRef: input.receiptRef } : {}),
        at,
        by: context.actorId,
      },
    },
    [{ at, by: context.actorId, what: input.how, ...(input.note ? { detail: input.note } : {}) }],
  );
}
