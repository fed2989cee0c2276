import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { calendarFrom, calendarKeys } from '../calendar/repository';
import type { BusinessCalendar } from '../calendar/schema';
import { documentClient, tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { getItems, type PageQuery, queryEntities } from '../db/query';
import {
  ConditionFailed,
  type CreateRemembered,
  type TransactionItem,
  withoutKeys,
  writeTransaction,
} from '../db/transactions';
import { conflict } from '../errors';
import { slaPoliciesFrom, slaPoliciesKey } from '../sla/repository';
import type { SlaPolicy } from '../sla/schema';
import { ticketKeys } from './keys';
import type { Ticket, TimelineEvent } from './schema';

const ticketPut = (
  tenantId: string,
  ticket: Ticket,
  condition: { expression: string; values?: Record<string, unknown> },
) => ({
  Put: {
    TableName: tableName,
    Item: {
      ...ticketKeys.ticket(tenantId, ticket.id),
      ...ticketKeys.queueViews(tenantId, ticket),
      entity: 'ticket',
      ...ticket,
    },
    ConditionExpression: condition.expression,
    ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
  },
});

const eventPut = (tenantId: string, event: TimelineEvent): TransactionItem => ({
  Put: {
    TableName: tableName,
    Item: { ...ticketKeys.event(tenantId, event.ticketId, event.id), entity: 'ticket_event', ...event },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** The day's number counter moved on under us: someone else took this number. Read and retry. */
export class TicketNumberTaken extends Error {}

/** Items (within `before`) whose condition failed, for the caller to name. */
export class PrerequisiteFailed extends Error {
  constructor(readonly index: number) {
    super(`prerequisite ${index} of the ticket creation failed`);
  }
}

export interface TicketCreation {
  readonly ticket: Ticket;
  readonly events: readonly TimelineEvent[];
  /** The per-store-per-day sequence this ticket takes; `previous` is what was read. */
  readonly counter: { readonly storeId: string; readonly day: string; readonly previous: number };
  /** Writes that must land with the ticket and whose conditions the caller interprets (e.g. a new customer). */
  readonly before: readonly TransactionItem[];
  /** Writes that ride along (workload, notifications). */
  readonly after: readonly TransactionItem[];
}

/**
 * One transaction: the number counter (conditioned on the value read, so numbers are gap-free
 * and unique), prerequisites, the ticket, its events and side effects.
 */
export async function insertTicket(tenantId: string, creation: TicketCreation, remembered: CreateRemembered) {
  const { counter } = creation;
  const items: TransactionItem[] = [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...ticketKeys.numberCounter(tenantId, counter.storeId, counter.day),
          entity: 'ticket_counter',
          seq: counter.previous + 1,
        },
        ConditionExpression: counter.previous === 0 ? 'attribute_not_exists(pk)' : 'seq = :previous',
        ...(counter.previous === 0 ? {} : { ExpressionAttributeValues: { ':previous': counter.previous } }),
      },
    },
    ...creation.before,
    ticketPut(tenantId, creation.ticket, { expression: 'attribute_not_exists(pk)' }),
    ...creation.events.map((event) => eventPut(tenantId, event)),
    ...creation.after,
  ];
  try {
    await writeTransaction(tenantId, items, remembered);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    if (error.index === 0) throw new TicketNumberTaken();
    if (error.index <= creation.before.length) throw new PrerequisiteFailed(error.index - 1);
    throw error;
  }
}

export interface OpeningContext {
  readonly calendar: BusinessCalendar;
  readonly policies: readonly SlaPolicy[];
  /** The day's ticket count as last seen (eventually consistent: a stale value only costs a retry). */
  readonly counter: number;
}

/**
 * What opening a ticket needs to know besides the store, in one BatchGetItem instead of three
 * calls: the store's calendar (own or tenant default), the SLA policies, and the day's counter.
 */
export async function readOpeningContext(
  tenantId: string,
  store: { id: string; timezone: string },
  day: string,
): Promise<OpeningContext> {
  const counterKey = ticketKeys.numberCounter(tenantId, store.id, day);
  const policiesKey = slaPoliciesKey(tenantId);
  const items = await getItems([...calendarKeys(tenantId, store.id), policiesKey, counterKey]);
  const find = (key: { pk: string; sk: string }) =>
    items.find((item) => item.pk === key.pk && item.sk === key.sk);
  return {
    calendar: calendarFrom(items, tenantId, store),
    policies: slaPoliciesFrom(find(policiesKey)).policies,
    counter: (find(counterKey)?.seq as number | undefined) ?? 0,
  };
}

export async function readTicketCounter(tenantId: string, storeId: string, day: string): Promise<number> {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableName,
      Key: ticketKeys.numberCounter(tenantId, storeId, day),
      ConsistentRead: true,
    }),
  );
  return (Item?.seq as number | undefined) ?? 0;
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
        ticketPut(tenantId, after, { expression: 'version = :read', values: { ':read': before.version } }),
        ...events.map((event) => eventPut(tenantId, event)),
        ...sideEffects,
      ],
      remembered,
    );
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) {
      throw conflict('version_conflict', 'The ticket changed since it was read; read it again and retry.');
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
            Key: ticketKeys.ticket(tenantId, event.ticketId),
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
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableName,
      Key: ticketKeys.ticket(tenantId, ticketId),
      ConsistentRead: true,
    }),
  );
  return Item ? withoutKeys<Ticket>(Item) : undefined;
}

export type TicketView =
  | ReturnType<typeof ticketKeys.byStoreAndStatus>
  | ReturnType<typeof ticketKeys.byStore>
  | ReturnType<typeof ticketKeys.byAssignee>
  | ReturnType<typeof ticketKeys.byCustomer>;

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
  return queryEntities<TimelineEvent>({ ...ticketKeys.timeline(tenantId, ticketId), ...page });
}
