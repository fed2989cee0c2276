import { returnCaseEntity } from '../after-sales/entities';
import { complaintEntity } from '../complaints/entities';
import { withoutKeys } from '../db/entity';
import { queryAll } from '../db/query';
import { guestMessageEntity } from '../guest-messages/entities';
import { guestMessageStatuses } from '../guest-messages/schema';
import { loanEntity } from '../lending/entities';
import { loanStatuses } from '../lending/schema';
import { lostItemEntity } from '../lost-and-found/entities';
import { lostItemStatuses } from '../lost-and-found/schema';
import { luggageEntity } from '../luggage/entities';
import { luggageStatuses } from '../luggage/schema';
import { repairCaseEntity } from '../repairs/entities';
import { revisitEntity } from '../revisits/entities';
import { revisitStatuses } from '../revisits/schema';
import type { Revisit } from '../revisits/views';
import { safeBoxEntity } from '../safe-boxes/entities';
import { safeBoxStatuses } from '../safe-boxes/schema';
import { ticketEntity } from '../tickets/entities';
import type { Ticket } from '../tickets/views';
import { localDate } from '../time/local-days';
import { wakeUpCallEntity } from '../wake-up-calls/entities';
import { type Fact, sumDay } from './contributions';
import { revisitFacts, StoreContexts, ticketEventFacts, ticketWithTimeline } from './facts';
import { lineFactsOf } from './lines';
import { type DayCounts, replaceDayCounts } from './repository';

/*
 * The recount: a store's day rebuilt from the source items, through the same facts and
 * contributionsOf as the stream consumer. No index lists events by store and time, so it reads
 * every ticket of the store opened by the end of the day (byStore) and their timelines, every
 * revisit of the store (byStoreStatus, each status), and every case and front-office item of the
 * store (byStore, or byStoreStatus for each status): O(the store's tickets, revisits, cases and
 * ledger items), an occasional repair or audit job, never a request path (see the README, Reports).
 */

/** The index views that list all of a store's items of each kind counted line by line. */
const storeLists = (tenantId: string, storeId: string) => [
  returnCaseEntity.view('byStore', { tenantId, storeId }),
  repairCaseEntity.view('byStore', { tenantId, storeId }),
  complaintEntity.view('byStore', { tenantId, storeId }),
  wakeUpCallEntity.view('byStore', { tenantId, storeId }),
  ...guestMessageStatuses.map((status) =>
    guestMessageEntity.view('byStoreStatus', { tenantId, storeId, status }),
  ),
  ...luggageStatuses.map((status) => luggageEntity.view('byStoreStatus', { tenantId, storeId, status })),
  ...lostItemStatuses.map((status) => lostItemEntity.view('byStoreStatus', { tenantId, storeId, status })),
  ...loanStatuses.map((status) => loanEntity.view('byStoreStatus', { tenantId, storeId, status })),
  ...safeBoxStatuses.map((status) => safeBoxEntity.view('byStoreStatus', { tenantId, storeId, status })),
];

/** A store's day (its local date, YYYY-MM-DD) counted afresh from the source items. */
export async function recountStoreDay(tenantId: string, storeId: string, day: string): Promise<DayCounts> {
  const store = await new StoreContexts().of(tenantId, storeId);
  if (!store) return { store: {}, staff: {} };
  const onDay = (at: string) => localDate(at, store.timezone) === day;
  const tickets = (await queryAll(ticketEntity.view('byStore', { tenantId, storeId }), 1_000_000))
    .map((item) => withoutKeys<Ticket>(item))
    .filter((ticket) => localDate(ticket.createdAt, store.timezone) <= day);
  const facts: Fact[] = [];
  for (const ticket of tickets) {
    const read = await ticketWithTimeline(tenantId, ticket.id);
    if (!read) continue;
    facts.push(...ticketEventFacts(tenantId, read.ticket, read.events, (event) => onDay(event.at), store));
  }
  for (const status of revisitStatuses) {
    const items = await queryAll(
      revisitEntity.view('byStoreStatus', { tenantId, storeId, status }),
      1_000_000,
    );
    for (const revisit of items.map((item) => withoutKeys<Revisit>(item))) {
      facts.push(...revisitFacts(tenantId, revisit, store.timezone).filter((fact) => onDay(fact.entry.at)));
    }
  }
  for (const view of storeLists(tenantId, storeId)) {
    for (const item of await queryAll(view, 1_000_000)) {
      facts.push(...lineFactsOf(tenantId, item, store.timezone).filter((fact) => onDay(fact.at)));
    }
  }
  return sumDay(facts, storeId, day);
}

/** Recounts a day and writes the result over its aggregate items (run it while the stream is quiet for that day). */
export async function rebuildStoreDay(tenantId: string, storeId: string, day: string): Promise<DayCounts> {
  const counts = await recountStoreDay(tenantId, storeId, day);
  await replaceDayCounts(tenantId, storeId, day, counts);
  return counts;
}
