import type { RevisitHistoryEntry } from '../revisits/views';
import type { TimelineEvent } from '../tickets/views';
import { addCounters, type Counters, durationCounters } from './counters';

/*
 * What one fact adds to the aggregates: pure, so the stream consumer and the recount count the
 * same way. A fact is one source event (a ticket timeline event, one line of a revisit's own
 * history) with the little context it needs, read by shared/reports/facts.ts.
 */

/** Where a fact's marker lives: the source item's key, and which part of it (an item can hold many facts). */
export interface FactKey {
  readonly tenantId: string;
  /** The source item's partition key without the tenant prefix, e.g. `TICKET#01J…`. */
  readonly source: string;
  /** The source item's sort key, plus the line of its history when it has one, e.g. `REVISIT#H003`. */
  readonly part: string;
}

/** What a ticket was when it was opened, and what never changes on it. */
export interface TicketFacts {
  readonly storeId: string;
  readonly channel: string;
  /** Type and priority as opened (an edit later does not move the ticket between columns). */
  readonly type: string;
  readonly priority: string;
  readonly createdAt: string;
  readonly hasSla: boolean;
}

export interface TicketEventFact {
  readonly source: 'ticket_event';
  readonly key: FactKey;
  readonly timezone: string;
  readonly ticket: TicketFacts;
  readonly event: TimelineEvent;
  /** Business minutes (store calendar) from the ticket's opening to the event. */
  readonly minutesSinceOpened: number;
  /** Whether a clock had already been breached (an earlier `sla_breached` event) when this event happened. */
  readonly breachedBefore: { readonly first_response: boolean; readonly resolution: boolean };
}

export interface RevisitFact {
  readonly source: 'revisit';
  readonly key: FactKey;
  readonly timezone: string;
  readonly storeId: string;
  readonly entry: RevisitHistoryEntry;
  /** For an `attempt` line: the attempt it records. */
  readonly attempt?: { readonly outcome: string; readonly satisfaction?: number | undefined };
}

export type Fact = TicketEventFact | RevisitFact;

/** One aggregate item a fact adds to: a store's day, or a staff member's day in a store. */
export interface DayKey {
  readonly storeId: string;
  /** The store's local date, YYYY-MM-DD. */
  readonly day: string;
  /** The acting staff member's identity (token subject); absent for the store's own day. */
  readonly userId?: string;
}

export interface Contribution {
  readonly day: DayKey;
  readonly counters: Counters;
}

/** The store's local date of an instant, YYYY-MM-DD. */
export function localDate(at: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Actors that are machinery, not people: their facts count for the store only. */
const machineActors = new Set(['timer', 'sla', 'sla-escalation', 'auto-dispatch', 'system']);

function dayOf(
  storeId: string,
  at: string,
  timezone: string,
  counters: Counters,
  actor?: string,
): Contribution[] {
  const day = localDate(at, timezone);
  const store: Contribution = { day: { storeId, day }, counters };
  if (!actor || machineActors.has(actor)) return [store];
  return [store, { day: { storeId, day, userId: actor }, counters }];
}

const clockName = { first_response: 'firstResponse', resolution: 'resolution' } as const;

function ticketCounters(fact: TicketEventFact): Counters {
  const { event, ticket } = fact;
  switch (event.kind) {
    case 'created':
      return {
        opened: 1,
        [`opened.type.${ticket.type}`]: 1,
        [`opened.channel.${ticket.channel}`]: 1,
        [`opened.priority.${ticket.priority}`]: 1,
      };
    case 'comment':
      if (!event.firstResponse) return {};
      return {
        ...durationCounters('firstResponse', fact.minutesSinceOpened),
        ...(ticket.hasSla && !fact.breachedBefore.first_response ? { 'sla.firstResponse.met': 1 } : {}),
      };
    case 'status_changed':
      if (event.to === 'resolved') {
        return {
          resolved: 1,
          ...durationCounters('resolution', fact.minutesSinceOpened),
          ...(ticket.hasSla && !fact.breachedBefore.resolution ? { 'sla.resolution.met': 1 } : {}),
        };
      }
      if (event.from === 'resolved' && event.to === 'in_progress') return { reopened: 1 };
      if (event.to === 'closed') return { closed: 1 };
      if (event.to === 'cancelled') return { cancelled: 1 };
      return {};
    case 'sla_warning':
      return { [`sla.${clockName[event.clock]}.warned`]: 1 };
    case 'sla_breached':
      return { [`sla.${clockName[event.clock]}.breached`]: 1 };
    case 'sla_escalated':
      return { escalations: 1 };
    default:
      return {};
  }
}

function revisitCounters(fact: RevisitFact): Counters {
  switch (fact.entry.what) {
    case 'due':
      return { 'revisits.due': 1 };
    case 'done':
      return { 'revisits.done': 1 };
    case 'failed':
      return { 'revisits.failed': 1 };
    case 'attempt': {
      const outcome = fact.attempt?.outcome ?? fact.entry.detail ?? 'unknown';
      const score = fact.attempt?.satisfaction;
      return {
        'revisits.attempts': 1,
        [`revisits.attempts.${outcome}`]: 1,
        ...(score !== undefined
          ? { [`satisfaction.${score}`]: 1, 'satisfaction.count': 1, 'satisfaction.sum': score }
          : {}),
      };
    }
    default:
      return {};
  }
}

/** The counter increments of one fact, per store-day and (for a person's act) per staff-day. */
export function contributionsOf(fact: Fact): Contribution[] {
  const counters = fact.source === 'ticket_event' ? ticketCounters(fact) : revisitCounters(fact);
  if (Object.keys(counters).length === 0) return [];
  if (fact.source === 'ticket_event') {
    // Who opened a ticket is its creator; every other act is the event's actor.
    return dayOf(fact.ticket.storeId, fact.event.at, fact.timezone, counters, fact.event.actorId);
  }
  return dayOf(fact.storeId, fact.entry.at, fact.timezone, counters, fact.entry.by);
}

/** Sums the facts' contributions that fall on one store's day. */
export function sumDay(
  facts: readonly Fact[],
  storeId: string,
  day: string,
): { store: Counters; staff: Record<string, Counters> } {
  const store: Counters = {};
  const staff: Record<string, Counters> = {};
  for (const contribution of facts.flatMap(contributionsOf)) {
    if (contribution.day.storeId !== storeId || contribution.day.day !== day) continue;
    if (contribution.day.userId === undefined) addCounters(store, contribution.counters);
    else {
      const userId = contribution.day.userId;
      staff[userId] = addCounters(staff[userId] ?? {}, contribution.counters);
    }
  }
  return { store, staff };
}
