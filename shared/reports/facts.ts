import { businessMinutesBetween } from '../calendar/business-time';
import { resolveCalendar } from '../calendar/repository';
import type { BusinessCalendar } from '../calendar/views';
import { withoutKeys } from '../db/entity';
import { getEntity } from '../db/items';
import { queryAll } from '../db/query';
import type { Revisit } from '../revisits/views';
import { findStore } from '../stores/repository';
import { ticketEntity, timelineEventEntity } from '../tickets/entities';
import type { Ticket, TimelineEvent } from '../tickets/views';
import {
  type Fact,
  type LineSubject,
  lineSubjects,
  type RevisitFact,
  type TicketEventFact,
  type TicketFacts,
} from './contributions';
import { lineFactsOf } from './lines';

/*
 * From source items (as the change stream hands them over, or as the recount reads them) to
 * facts: each event with the context contributionsOf needs. Only what cannot change later is
 * used (the ticket's store, channel and opening time; type and priority as opened; the events
 * before this one), so a fact means the same whenever it is read.
 */

export { consumedEntities } from './contributions';

const lineSubject: ReadonlySet<unknown> = new Set<LineSubject>(lineSubjects);

export const tenantOf = (pk: string): string => pk.split('#')[1] ?? '';

interface StoreContext {
  readonly timezone: string;
  readonly calendar: BusinessCalendar;
}

/** Store time zones and calendars, read once per consumer run or recount. */
export class StoreContexts {
  private readonly known = new Map<string, Promise<StoreContext | undefined>>();

  of(tenantId: string, storeId: string): Promise<StoreContext | undefined> {
    const key = `${tenantId}#${storeId}`;
    let context = this.known.get(key);
    if (!context) {
      context = findStore(tenantId, storeId).then(async (store) =>
        store ? { timezone: store.timezone, calendar: await resolveCalendar(tenantId, store) } : undefined,
      );
      this.known.set(key, context);
    }
    return context;
  }
}

/** The value a field had when the ticket was opened: before its first edit, else as it is now. */
function asOpened(ticket: Ticket, events: readonly TimelineEvent[], field: 'type' | 'priority'): string {
  for (const event of events) {
    if (event.kind !== 'updated') continue;
    const change = event.changes.find((entry) => entry.field === field);
    if (change) return String(change.before);
  }
  return ticket[field];
}

/**
 * The facts of the chosen events of one ticket. `events` is the whole timeline, oldest first
 * (ids are ULIDs), read after the ticket item, so every edit the ticket shows is among them.
 */
export function ticketEventFacts(
  tenantId: string,
  ticket: Ticket,
  events: readonly TimelineEvent[],
  chosen: (event: TimelineEvent) => boolean,
  store: StoreContext,
): TicketEventFact[] {
  const facts: TicketFacts = {
    storeId: ticket.storeId,
    channel: ticket.channel,
    type: asOpened(ticket, events, 'type'),
    priority: asOpened(ticket, events, 'priority'),
    createdAt: ticket.createdAt,
    hasSla: ticket.sla !== undefined,
  };
  const breached = { first_response: false, resolution: false };
  const result: TicketEventFact[] = [];
  for (const event of events) {
    if (chosen(event)) {
      const timed = (event.kind === 'comment' && event.firstResponse) || event.kind === 'status_changed';
      result.push({
        source: 'ticket_event',
        key: { tenantId, source: `TICKET#${ticket.id}`, part: `EVENT#${event.id}` },
        timezone: store.timezone,
        ticket: facts,
        event,
        minutesSinceOpened: timed
          ? businessMinutesBetween(store.calendar, new Date(ticket.createdAt), new Date(event.at))
          : 0,
        breachedBefore: { ...breached },
      });
    }
    if (event.kind === 'sla_breached') breached[event.clock] = true;
  }
  return result;
}

/** Every line of a revisit's own history as a fact (the stream hands over the whole item each time). */
export function revisitFacts(tenantId: string, revisit: Revisit, timezone: string): RevisitFact[] {
  let attempts = 0;
  return revisit.history.map((entry, line) => {
    const attempt = entry.what === 'attempt' ? revisit.attempts[attempts++] : undefined;
    return {
      source: 'revisit',
      key: {
        tenantId,
        source: `REVISIT#${revisit.id}`,
        part: `REVISIT#H${String(line).padStart(3, '0')}`,
      },
      timezone,
      storeId: revisit.storeId,
      entry,
      ...(attempt ? { attempt: { outcome: attempt.outcome, satisfaction: attempt.satisfaction } } : {}),
    };
  });
}

/** A ticket and its whole timeline, the ticket read first (see ticketEventFacts). */
export async function ticketWithTimeline(
  tenantId: string,
  ticketId: string,
): Promise<{ ticket: Ticket; events: TimelineEvent[] } | undefined> {
  const ticket = await getEntity(ticketEntity, { tenantId, id: ticketId });
  if (!ticket) return undefined;
  const view = timelineEventEntity.view(undefined, { tenantId, ticketId });
  const items = await queryAll({ partitionValue: view.partitionValue, sortKeyPrefix: 'EVENT#' }, 100_000);
  return { ticket, events: items.map((item) => withoutKeys<TimelineEvent>(item)) };
}

/** The facts of source items as the stream hands them over (NewImage, storage keys included). */
export async function factsOfItems(
  items: readonly Record<string, unknown>[],
  stores: StoreContexts,
): Promise<Fact[][]> {
  const timelines = new Map<string, Promise<{ ticket: Ticket; events: TimelineEvent[] } | undefined>>();
  return Promise.all(
    items.map(async (item): Promise<Fact[]> => {
      const tenantId = tenantOf(String(item.pk));
      if (item.entity === 'ticket_event') {
        const event = withoutKeys<TimelineEvent>(item);
        const key = `${tenantId}#${event.ticketId}`;
        let timeline = timelines.get(key);
        if (!timeline) {
          timeline = ticketWithTimeline(tenantId, event.ticketId);
          timelines.set(key, timeline);
        }
        const read = await timeline;
        if (!read) return [];
        const store = await stores.of(tenantId, read.ticket.storeId);
        if (!store) return [];
        // The event itself, even if the timeline was read before it was visible.
        const events = read.events.some((known) => known.id === event.id)
          ? read.events
          : [...read.events, event].sort((a, b) => (a.id < b.id ? -1 : 1));
        return ticketEventFacts(tenantId, read.ticket, events, (known) => known.id === event.id, store);
      }
      if (item.entity === 'revisit') {
        const revisit = withoutKeys<Revisit>(item);
        const store = await stores.of(tenantId, revisit.storeId);
        return store ? revisitFacts(tenantId, revisit, store.timezone) : [];
      }
      if (lineSubject.has(item.entity)) {
        const store = await stores.of(tenantId, String(item.storeId));
        return store ? lineFactsOf(tenantId, item, store.timezone) : [];
      }
      return [];
    }),
  );
}
