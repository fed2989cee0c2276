import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { withoutKeys } from '../db/entity';
import type { Department } from '../departments/views';
import type { GuestMessage, GuestMessageHistoryEntry } from '../guest-messages/views';
import type { Loan, LoanHistoryEntry } from '../lending/views';
import type { LostItem, LostItemHistoryEntry } from '../lost-and-found/views';
import type { Luggage, LuggageHistoryEntry } from '../luggage/views';
import type { DepositEntry, Merchant, MerchantHistoryEntry } from '../merchants/views';
import type { Revisit, RevisitHistoryEntry } from '../revisits/views';
import type { SafeBox, SafeBoxHistoryEntry } from '../safe-boxes/views';
import type { ShiftHandover, ShiftHandoverHistoryEntry } from '../shift-handovers/views';
import type { TimelineEvent } from '../tickets/views';
import type { WakeUpCall, WakeUpHistoryEntry } from '../wake-up-calls/views';
import { eventSourceTags } from './consumers';

/**
 * The change stream's domain events (DESIGN §4: timeline and ledger events are the outbox).
 * Two kinds of item carry them:
 * - append-only event items, one per change: a ticket's timeline event (`ticket_event`, which also
 *   records the steps of the cases on the ticket: returns, compensation claims) and a merchant's
 *   deposit ledger line (`deposit_entry`); their INSERT is the event;
 * - items that keep their own history (revisits, merchants, wake-up calls, loans, found items):
 *   each history entry the new image has and the old image had not is an event;
 * - items that keep no history but a version (departments): each new version is an event, its
 *   insert `created`, a later version `updated`.
 */

export type EventSourceTag = (typeof eventSourceTags)[number];

interface EventBase {
  /**
   * Names this change forever, whichever stream record (or redelivery) carries it: the item's
   * key plus, for history entries, the entry. Consumers derive their idempotency keys from it.
   */
  readonly key: string;
  readonly tenantId: string;
  readonly at: string;
}

/** A new version of an item that keeps no history; `subject` is the item after the change. */
interface VersionEvent<S extends string, T> extends EventBase {
  readonly source: S;
  readonly subject: T;
  readonly change: 'created' | 'updated';
}

/** An event item: the item itself is the event. */
interface ItemEvent<S extends string, E> extends EventBase {
  readonly source: S;
  readonly event: E;
}

/** A new history entry of an item that keeps its history; `subject` is the item after the change. */
interface HistoryEvent<S extends string, T, E> extends EventBase {
  readonly source: S;
  readonly subject: T;
  readonly entry: E;
}

export type ChangeEvent =
  | ItemEvent<'ticket_event', TimelineEvent>
  | ItemEvent<'deposit_entry', DepositEntry>
  | HistoryEvent<'revisit', Revisit, RevisitHistoryEntry>
  | HistoryEvent<'merchant', Merchant, MerchantHistoryEntry>
  | HistoryEvent<'wake_up_call', WakeUpCall, WakeUpHistoryEntry>
  | HistoryEvent<'loan', Loan, LoanHistoryEntry>
  | HistoryEvent<'lost_item', LostItem, LostItemHistoryEntry>
  | HistoryEvent<'guest_message', GuestMessage, GuestMessageHistoryEntry>
  | HistoryEvent<'luggage', Luggage, LuggageHistoryEntry>
  | HistoryEvent<'safe_box', SafeBox, SafeBoxHistoryEntry>
  | HistoryEvent<'shift_handover', ShiftHandover, ShiftHandoverHistoryEntry>
  | VersionEvent<'department', Department>;

type Image = Record<string, unknown>;

const imageOf = (image: unknown): Image | undefined =>
  image ? (unmarshall(image as Record<string, AttributeValue>) as Image) : undefined;

/** `T#<tenant>#…`: every key starts from the tenant (docs/data-model.md). */
const tenantOf = (pk: string): string | undefined => {
  const [prefix, tenantId] = pk.split('#');
  return prefix === 'T' && tenantId ? tenantId : undefined;
};

const isSource = (tag: unknown): tag is EventSourceTag =>
  typeof tag === 'string' && (eventSourceTags as readonly string[]).includes(tag);

interface Entry {
  readonly at: string;
  readonly what: string;
}

/**
 * The entries of `after` that `before` had not, each with a key that stays the same however often
 * the change is redelivered: time, what, and its rank among identical entries (a capped history
 * drops its oldest entries, so positions are not stable, contents are).
 */
export function newHistoryEntries<E extends Entry>(
  before: readonly E[],
  after: readonly E[],
): { entry: E; key: string }[] {
  const seen = new Map<string, number>();
  for (const entry of before) {
    const text = JSON.stringify(entry);
    seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  const ranks = new Map<string, number>();
  const added: { entry: E; key: string }[] = [];
  for (const entry of after) {
    const text = JSON.stringify(entry);
    const rankKey = `${entry.at}#${entry.what}`;
    const rank = (ranks.get(rankKey) ?? 0) + 1;
    ranks.set(rankKey, rank);
    const left = seen.get(text) ?? 0;
    if (left > 0) {
      seen.set(text, left - 1);
      continue;
    }
    added.push({ entry, key: `${rankKey}#${rank}` });
  }
  return added;
}

/**
 * The domain events one stream record carries (none for most items). Pure: the record in, typed
 * events out; REMOVE records and items that are not event sources carry none.
 */
export function changeEventsOf(record: DynamoDBRecord): ChangeEvent[] {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return [];
  const next = imageOf(record.dynamodb?.NewImage);
  if (!next || !isSource(next.entity)) return [];
  const pk = String(next.pk);
  const sk = String(next.sk);
  const tenantId = tenantOf(pk);
  if (!tenantId) return [];
  const itemKey = `${pk}/${sk}`;
  const tag = next.entity;
  if (tag === 'ticket_event' || tag === 'deposit_entry') {
    // Event items are written once (isNew); a MODIFY would not be a new event.
    if (record.eventName !== 'INSERT') return [];
    const fields = withoutKeys<{ at: string }>(next);
    return [{ source: tag, key: itemKey, tenantId, at: fields.at, event: fields } as unknown as ChangeEvent];
  }
  const before = imageOf(record.dynamodb?.OldImage);
  if (tag === 'department') {
    // One event per new version: a write that left the version alone changed nothing to tell.
    const version = Number(next.version);
    if (record.eventName === 'MODIFY' && Number(before?.version) === version) return [];
    const subject = withoutKeys<Image & { updatedAt: string }>(next);
    return [
      {
        source: tag,
        key: `${itemKey}/v${version}`,
        tenantId,
        at: subject.updatedAt,
        subject,
        change: record.eventName === 'INSERT' ? 'created' : 'updated',
      } as unknown as ChangeEvent,
    ];
  }
  const history = (image: Image | undefined) =>
    Array.isArray(image?.history) ? (image.history as Entry[]) : [];
  const subject = withoutKeys<Image>(next);
  return newHistoryEntries(history(before), history(next)).map(
    ({ entry, key }) =>
      ({
        source: tag,
        key: `${itemKey}/${key}`,
        tenantId,
        at: entry.at,
        subject,
        entry,
      }) as unknown as ChangeEvent,
  );
}
