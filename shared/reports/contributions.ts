import type { RevisitHistoryEntry } from '../revisits/views';
import { reportLineSubjects, streamConsumers } from '../stream/consumers';
import type { TimelineEvent } from '../tickets/views';
import { localDate } from '../time/local-days';
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

/**
 * The item kinds whose own history the reports count line by line (a complaint has no history: its
 * dated fields, each set once, are its lines). Each line is one fact.
 */
export const lineSubjects = reportLineSubjects;
export type LineSubject = (typeof lineSubjects)[number];

/** The item kinds the reports consume: the stream filter of the aggregateReports consumer. */
export const consumedEntities = streamConsumers.aggregateReports.entities;

/** One line of an item's own history: a return's step, a luggage pick-up, a complaint's judgement… */
export interface LineFact {
  readonly source: 'line';
  readonly key: FactKey;
  readonly timezone: string;
  readonly storeId: string;
  readonly subject: LineSubject;
  readonly at: string;
  /** Who did it: a user, or `timer`. */
  readonly by: string;
  /** The line's step (cases) or `what` (front-office ledgers). */
  readonly what: string;
  /**
   * What the item had fixed by this line and never changes after (a return's kind, the refunded
   * amount, a repair's mode, how a wake-up call ended, a complaint's validity or score…).
   */
  readonly detail: Readonly<Record<string, string | number | undefined>>;
}

export type Fact = TicketEventFact | RevisitFact | LineFact;

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

/** Actors that are machinery, not people: their facts count for the store only. */
const machineActors = new Set(['timer', 'sla', 'sla-escalation', 'auto-dispatch', 'system']);

function dayOf(
  storeId: string,
  at: string,
  timezone: string,
  counters: Counters,
  actor?: string,
  staffCounters: Counters = counters,
): Contribution[] {
  const day = localDate(at, timezone);
  const store: Contribution = { day: { storeId, day }, counters };
  if (!actor || machineActors.has(actor) || Object.keys(staffCounters).length === 0) return [store];
  return [store, { day: { storeId, day, userId: actor }, counters: staffCounters }];
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
          // Resolved under a promise: the on-time rate's denominator (met + late).
          ...(ticket.hasSla ? { 'sla.resolution.resolved': 1 } : {}),
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
    case 'compensation':
      return compensationCounters(event.step, event.amount);
    default:
      return {};
  }
}

/** 先行赔付: a claim's steps with their amounts (fen), from the claim's events on its ticket. */
function compensationCounters(step: string, amount: number): Counters {
  switch (step) {
    case 'requested':
      return { 'compensation.claimed': 1, 'compensation.claimed.amount': amount };
    case 'approved':
      return { 'compensation.approved': 1, 'compensation.approved.amount': amount };
    case 'rejected':
      return { 'compensation.rejected': 1 };
    case 'paid':
      return { 'compensation.paid': 1, 'compensation.paid.amount': amount };
    // Charged to the merchant (deposit deduction and receivable together), then receivables settled.
    case 'recovered':
      return { 'compensation.recovered': 1, 'compensation.recovered.amount': amount };
    case 'settled':
      return { 'compensation.settled': 1, 'compensation.settled.amount': amount };
    default:
      return {};
  }
}

/** What a line adds: its counters (store and actor), and any the store alone keeps. */
interface LineCounters {
  readonly counters: Counters;
  /** The staff member credited, when not the line's author (a complaint's score goes to its handler). */
  readonly actor?: string | undefined;
  /** Counters only the store's day keeps (about someone else than the actor). */
  readonly storeOnly?: Counters;
}

const returnOutcomes: Readonly<Record<string, string>> = {
  refund: 'refund',
  hand_over_replacement: 'exchange',
  choose_repair: 'repair',
  refuse: 'refused',
};

/**
 * Repairs finish on the visit (on site) or on delivery back to the customer (mail-in, parts); a
 * declined quote's goods delivered back unrepaired were counted when declined, not as finished.
 */
const repairFinished = (what: string, detail: LineFact['detail']) =>
  what === 'visit' || (what === 'deliver' && detail.mode !== 'on_site' && detail.unrepaired !== 1);

/** Front-office ledgers: each line kind is a counter of its own (`luggage.picked_up`). */
const ledgerPrefix: Partial<Record<LineSubject, string>> = {
  guest_message: 'messages',
  luggage: 'luggage',
  lost_item: 'lostItems',
  loan: 'loans',
  // 保险箱: opened, accessed, closed (and key_not_returned), per store-day like the other ledgers.
  safe_box: 'safeBoxes',
};

function lineCounters(fact: LineFact): LineCounters {
  const { what, detail } = fact;
  switch (fact.subject) {
    case 'return_case': {
      if (what === 'decided') {
        return {
          counters: {
            'returns.opened': 1,
            [`returns.opened.${detail.kind}`]: 1,
            [`returns.reason.${detail.reason}`]: 1,
          },
        };
      }
      if (what === 'override') return { counters: { 'returns.overrides': 1 } };
      const outcome = returnOutcomes[what];
      if (!outcome) return { counters: {} };
      const refunded = what === 'refund' ? Number(detail.refundAmount ?? 0) : 0;
      return {
        counters: {
          'returns.finished': 1,
          [`returns.outcome.${outcome}`]: 1,
          ...(what === 'refund' ? { 'returns.refunded.amount': refunded } : {}),
        },
      };
    }
    case 'repair_case':
      if (what === 'registered')
        return { counters: { 'repairs.opened': 1, [`repairs.opened.${detail.mode}`]: 1 } };
      if (repairFinished(what, detail)) {
        return { counters: { 'repairs.finished': 1, [`repairs.finished.${detail.mode}`]: 1 } };
      }
      if (what === 'decline') return { counters: { 'repairs.declined': 1 } };
      if (what.startsWith('stalled_')) return { counters: { 'repairs.stalled': 1 } };
      return { counters: {} };
    case 'complaint':
      switch (what) {
        case 'registered':
          return {
            counters: { 'complaints.opened': 1, [`complaints.respondent.${detail.respondent}`]: 1 },
            // 被投诉: the staff member complained about, for the monthly assessment (by staff id).
            ...(detail.respondent === 'staff' && detail.respondentId
              ? { storeOnly: { [`complaints.against.${detail.respondentId}`]: 1 } }
              : {}),
          };
        case 'judged':
          return {
            counters: {
              [`complaints.validity.${detail.validity}`]: 1,
              [`complaints.validity.${detail.validity}.${detail.respondent}`]: 1,
            },
          };
        case 'remedied':
          return {
            counters: {
              'complaints.remedied': 1,
              ...(detail.amount !== undefined ? { 'complaints.remedy.amount': Number(detail.amount) } : {}),
            },
          };
        case 'fed_back':
          return { counters: { 'complaints.fedBack': 1 } };
        case 'satisfaction': {
          const score = Number(detail.score);
          return {
            counters: {
              [`complaints.satisfaction.${score}`]: 1,
              'complaints.satisfaction.count': 1,
              'complaints.satisfaction.sum': score,
            },
            // The score rates the handling: credited to who recorded the remedy.
            actor: detail.handler === undefined ? undefined : String(detail.handler),
          };
        }
        default:
          return { counters: {} };
      }
    case 'wake_up_call':
      switch (what) {
        case 'requested':
          return { counters: { 'wakeUps.requested': 1 } };
        case 'escalated': // a call not recorded within the overdue minutes (叫醒漏叫)
          return { counters: { 'wakeUps.escalated': 1 } };
        case 'done':
          return { counters: { 'wakeUps.done': 1, [`wakeUps.done.${detail.closedAs}`]: 1 } };
        case 'cancelled':
          return { counters: { 'wakeUps.cancelled': 1 } };
        default:
          return { counters: {} };
      }
    default: {
      const prefix = ledgerPrefix[fact.subject];
      return { counters: prefix ? { [`${prefix}.${what}`]: 1 } : {} };
    }
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
  if (fact.source === 'line') {
    const { counters, actor, storeOnly } = lineCounters(fact);
    if (Object.keys(counters).length === 0 && !storeOnly) return [];
    const store = storeOnly ? addCounters({ ...counters }, storeOnly) : counters;
    return dayOf(fact.storeId, fact.at, fact.timezone, store, actor ?? fact.by, counters);
  }
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
