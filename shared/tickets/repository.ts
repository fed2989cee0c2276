import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { calendarFrom, calendarKeys } from '../calendar/repository';
import type { BusinessCalendar } from '../calendar/views';
import { documentClient, tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { PutCommand, UpdateCommand } from '../db/document';
import { withoutKeys } from '../db/entity';
import { atVersion, getEntity, isNew, putEntity, type WriteCondition } from '../db/items';
import { getItems, type PageQuery, queryAll, queryEntities } from '../db/query';
import {
  ConditionFailed,
  type CreateRemembered,
  type TransactionItem,
  writeTransaction,
} from '../db/transactions';
import { conflict, versionConflict } from '../errors';
import { type StoredSlaPolicies, slaPoliciesEntity } from '../sla/entities';
import { slaPoliciesFrom } from '../sla/repository';
import type { SlaPolicy } from '../sla/schema';
import { storeEntity } from '../stores/entities';
import type { Store } from '../stores/views';
import {
  ticketEntity,
  ticketNumberCounterEntity,
  ticketNumberHeldEntity,
  ticketNumberVoidEntity,
  timelineEventEntity,
} from './entities';
import type { Ticket, TimelineEvent } from './views';

const ticketPut = (tenantId: string, ticket: Ticket, condition: WriteCondition) =>
  putEntity(ticketEntity, tenantId, ticket, condition);

const eventPut = (tenantId: string, event: TimelineEvent): TransactionItem =>
  putEntity(timelineEventEntity, tenantId, event, isNew);

/** Items (within `before`) whose condition failed, for the caller to name. */
export class PrerequisiteFailed extends Error {
  constructor(readonly index: number) {
    super(`prerequisite ${index} of the ticket creation failed`);
  }
}

/** A store's day number, reserved for one create; see `reserveTicketNumber`. */
export interface ReservedNumber {
  readonly storeId: string;
  readonly day: string;
  readonly sequence: number;
}

export interface TicketCreation {
  readonly ticket: Ticket;
  readonly events: readonly TimelineEvent[];
  /** The number this create reserved; its register entry is written with the ticket. */
  readonly number: ReservedNumber;
  /** Writes that must land with the ticket and whose conditions the caller interprets (e.g. a new customer). */
  readonly before: readonly TransactionItem[];
  /** Writes that ride along (workload, notifications). */
  readonly after: readonly TransactionItem[];
}

/**
 * Takes the store's next number of the day with one atomic ADD on the day counter: no read,
 * no condition, no transaction, so concurrent creates in one store never conflict over it.
 * Every number handed out here must end in the register, as a ticket or as a void entry.
 */
export async function reserveTicketNumber(
  tenantId: string,
  storeId: string,
  day: string,
): Promise<ReservedNumber> {
  const { Attributes } = await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: ticketNumberCounterEntity.key({ tenantId, storeId, day }),
      UpdateExpression: 'ADD seq :one SET entity = :entity',
      ExpressionAttributeValues: { ':one': 1, ':entity': ticketNumberCounterEntity.tag },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return { storeId, day, sequence: Attributes?.seq as number };
}

/** The register entry of a number held by a ticket; conditioned so a voided number stays void. */
const numberHeld = (tenantId: string, number: ReservedNumber, ticket: Ticket): TransactionItem =>
  putEntity(
    ticketNumberHeldEntity,
    tenantId,
    { ...number, number: ticket.number, ticketId: ticket.id },
    isNew,
  );

/**
 * One transaction: the number's register entry, prerequisites, the ticket, its events and side
 * effects. The register entry is conditioned on being absent, so once a number is voided no
 * late transaction can still put a ticket on it.
 */
export async function insertTicket(tenantId: string, creation: TicketCreation, remembered: CreateRemembered) {
  const items: TransactionItem[] = [
    numberHeld(tenantId, creation.number, creation.ticket),
    ...creation.before,
    ticketPut(tenantId, creation.ticket, isNew),
    ...creation.events.map((event) => eventPut(tenantId, event)),
    ...creation.after,
  ];
  try {
    // Cut off at the deadline: the caller settles an unknown outcome by voiding the number.
    await writeTransaction(tenantId, items, remembered, { cutOff: true });
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    if (error.index >= 1 && error.index <= creation.before.length)
      throw new PrerequisiteFailed(error.index - 1);
    throw error;
  }
}

/**
 * Records a reserved number as void (作废) when its create failed, the way a paper ledger
 * strikes a number out. Conditioned on the number having no entry: `held` means the ticket's
 * transaction did land (an answer lost in a timeout), `voided` that no ticket ever can.
 */
export async function voidTicketNumber(
  tenantId: string,
  number: ReservedNumber,
  reason: string,
  now: Date,
): Promise<'voided' | 'held'> {
  const entry = { ...number, reason, voidedAt: now.toISOString() };
  const put = putEntity(ticketNumberVoidEntity, tenantId, entry, isNew).Put;
  try {
    await documentClient.send(new PutCommand(put as NonNullable<typeof put>));
    return 'voided';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'held';
    throw error;
  }
}

export type RegisterEntry =
  | { readonly sequence: number; readonly kind: 'ticket'; readonly ticketId: string; readonly number: string }
  | { readonly sequence: number; readonly kind: 'void'; readonly reason: string; readonly voidedAt: string };

/**
 * A store's number register for one local day: how many numbers were reserved, and the entry
 * of each (a ticket, or void). A number up to `reserved` without an entry is still being
 * created, or was lost to a crash; see docs/data-model.md.
 */
export async function readTicketRegister(
  tenantId: string,
  storeId: string,
  day: string,
): Promise<{ reserved: number; entries: RegisterEntry[] }> {
  const [counter, items] = await Promise.all([
    getEntity(ticketNumberCounterEntity, { tenantId, storeId, day }),
    queryAll(ticketNumberHeldEntity.view(undefined, { tenantId, storeId, day }), 100_000),
  ]);
  const entries = items.map((item): RegisterEntry => {
    const sequence = Number(String(item.sk).split('#').at(-1));
    return item.entity === ticketNumberHeldEntity.tag
      ? { sequence, kind: 'ticket', ticketId: item.ticketId as string, number: item.number as string }
      : { sequence, kind: 'void', reason: item.reason as string, voidedAt: item.voidedAt as string };
  });
  return { reserved: counter?.seq ?? 0, entries };
}

export interface OpeningContext {
  readonly store: Store;
  readonly calendar: BusinessCalendar;
  readonly policies: readonly SlaPolicy[];
}

/**
 * What opening a ticket needs to know, in one BatchGetItem instead of three calls: the store,
 * its calendar (own or tenant default) and the SLA policies. Fewer round trips is what keeps a
 * busy store's creates inside their deadline. Undefined when there is no such store.
 */
export async function readOpeningContext(
  tenantId: string,
  storeId: string,
): Promise<OpeningContext | undefined> {
  const storeKey = storeEntity.key({ tenantId, id: storeId });
  const policiesKey = slaPoliciesEntity.key({ tenantId });
  const items = await getItems([storeKey, ...calendarKeys(tenantId, storeId), policiesKey]);
  const find = (key: { pk: string; sk: string }) =>
    items.find((item) => item.pk === key.pk && item.sk === key.sk);
  const storeItem = find(storeKey);
  if (!storeItem) return undefined;
  const store = withoutKeys<Store>(storeItem);
  const policies = find(policiesKey);
  return {
    store,
    calendar: calendarFrom(items, tenantId, store),
    policies: slaPoliciesFrom(policies && withoutKeys<StoredSlaPolicies>(policies)).policies,
  };
}

/**
 * Replaces the ticket, conditioned on the version that was read, with the events that record
 * the change and its side effects: the change and its history land together or not at all.
 */
export async function saveTicketChange(
  tenantId: string,
  before: Ticket,
  after: Ticket,
  events: readonly TimelineEvent[],
  sideEffects: readonly TransactionItem[] = [],
  remembered?: CreateRemembered,
): Promise<void> {
  try {
    await writeTransaction(
      tenantId,
      [
        ticketPut(tenantId, after, atVersion(before.version)),
        ...events.map((event) => eventPut(tenantId, event)),
        ...sideEffects,
      ],
      remembered,
    );
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) {
      throw versionConflict('ticket');
    }
    throw error;
  }
}

/** Adds an event that changes nothing on the ticket (a comment), while the ticket is still open to them. */
export async function appendTicketEvent(
  tenantId: string,
  event: TimelineEvent,
  remembered?: CreateRemembered,
) {
  try {
    await writeTransaction(
      tenantId,
      [
        {
          ConditionCheck: {
            TableName: tableName,
            Key: ticketEntity.key({ tenantId, id: event.ticketId }),
            ConditionExpression: 'attribute_exists(pk) AND NOT (#status IN (:closed, :cancelled))',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':closed': 'closed', ':cancelled': 'cancelled' },
          },
        },
        eventPut(tenantId, event),
      ],
      remembered,
    );
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) {
      throw conflict('ticket_finished', 'The ticket was closed or cancelled meanwhile.');
    }
    throw error;
  }
}

export async function findTicket(tenantId: string, ticketId: string): Promise<Ticket | undefined> {
  return getEntity(ticketEntity, { tenantId, id: ticketId });
}

export type TicketView = ReturnType<typeof ticketEntity.view>;

export async function listTicketsInView(
  view: TicketView & { sortKeyBetween?: readonly [string, string] },
  page: Pick<PageQuery, 'limit' | 'cursor' | 'newestFirst' | 'list' | 'filters'>,
): Promise<Page<Ticket>> {
  return queryEntities<Ticket>({ ...view, ...page });
}

export async function listTimeline(
  tenantId: string,
  ticketId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<TimelineEvent>> {
  return queryEntities<TimelineEvent>({
    ...timelineEventEntity.view(undefined, { tenantId, ticketId }),
    ...page,
  });
}
