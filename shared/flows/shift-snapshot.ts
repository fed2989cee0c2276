/*
 * A shift handover's snapshot of open items (前台交班本: pending wake-ups, stored luggage, lent
 * items, open safe boxes, undelivered messages, open complaints and tickets carry over). It reads across the
 * front-office ledgers and tickets, so it lives here: shared/shift-handovers never imports them,
 * and the create-shift-handover handler injects `readShiftSnapshot`.
 */
import { TZDate } from '@date-fns/tz';
import { complaintEntity } from '../complaints/entities';
import { listComplaintCases } from '../complaints/repository';
import { complaintStatuses } from '../complaints/schema';
import type { Complaint } from '../complaints/views';
import { countItems, queryAll } from '../db/query';
import { guestMessageEntity } from '../guest-messages/entities';
import { guestMessagesOfStore } from '../guest-messages/repository';
import { loanEntity } from '../lending/entities';
import { loansOfStore } from '../lending/repository';
import { luggageEntity } from '../luggage/entities';
import { luggageOfStore } from '../luggage/repository';
import { safeBoxEntity } from '../safe-boxes/entities';
import { safeBoxesOfStore } from '../safe-boxes/repository';
import { snapshotListLimit } from '../shift-handovers/schema';
import type { OpenItem, OpenItems, ShiftSnapshot } from '../shift-handovers/views';
import { ticketEntity } from '../tickets/entities';
import { openStatuses } from '../tickets/lifecycle';
import { listTicketsInView } from '../tickets/repository';
import type { Ticket } from '../tickets/views';
import { wakeUpCallEntity } from '../wake-up-calls/entities';
import type { WakeUpCall } from '../wake-up-calls/views';

/** Counted up to this many per section; a larger count is shown as this many. */
const countCap = 5000;
/** Wake-up calls due within this many hours of the snapshot are handed over. */
const wakeUpHorizonHours = 12;

type SectionName = Exclude<keyof ShiftSnapshot, 'takenAt' | 'listLimit'>;
type SectionReader = (tenantId: string, storeId: string, now: Date, timezone: string) => Promise<OpenItems>;

const first = { limit: snapshotListLimit, cursor: undefined };

/** A ledger's items in one status: the count of its index partition, the first page listed. */
async function inStatus<T>(
  view: Parameters<typeof countItems>[0],
  firstPage: Promise<{ items: readonly T[] }>,
  item: (entry: T) => OpenItem,
): Promise<OpenItems> {
  const [count, page] = await Promise.all([countItems(view, countCap), firstPage]);
  return { count, items: page.items.map(item) };
}

const localDate = (at: Date, timezone: string) => {
  const local = new TZDate(at.getTime(), timezone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
};

const openWakeUp: ReadonlySet<WakeUpCall['status']> = new Set([
  'scheduled',
  'calling',
  'visit_needed',
  'awaiting_decision',
]);

/**
 * Wake-up calls still to do that are due within the horizon, overdue ones included (calling,
 * a person to send, a decision to take). A store books a few hundred a day at most: the days
 * concerned are read whole and filtered here.
 */
async function wakeUpCallsSection(tenantId: string, storeId: string, now: Date, timezone: string) {
  const horizon = new Date(now.getTime() + wakeUpHorizonHours * 3_600_000);
  const from = localDate(new Date(now.getTime() - 86_400_000), timezone);
  const to = localDate(horizon, timezone);
  const view = wakeUpCallEntity.view('byStore', { tenantId, storeId });
  const rows = (await queryAll(
    { indexName: view.indexName, partitionValue: view.partitionValue, sortKeyBetween: [from, `${to}#~`] },
    countCap,
  )) as unknown as WakeUpCall[];
  const due = rows
    .filter((call) => openWakeUp.has(call.status) && Date.parse(call.dueAt) <= horizon.getTime())
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return {
    count: due.length,
    items: due.slice(0, snapshotListLimit).map((call) => ({
      id: call.id,
      label: `${call.room} ${call.guestName} ${call.time} (${call.status})`,
      at: call.dueAt,
    })),
  };
}

/** Open tickets of every open status, the oldest first. */
async function ticketsSection(tenantId: string, storeId: string): Promise<OpenItems> {
  const perStatus = await Promise.all(
    openStatuses.map(async (status) => {
      const view = ticketEntity.view('byStoreStatus', { tenantId, storeId, status });
      const [count, page] = await Promise.all([
        countItems(view, countCap),
        listTicketsInView(view, { limit: snapshotListLimit }),
      ]);
      return { count, items: page.items };
    }),
  );
  const tickets: Ticket[] = perStatus
    .flatMap((section) => section.items)
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    count: perStatus.reduce((sum, section) => sum + section.count, 0),
    items: tickets.slice(0, snapshotListLimit).map((ticket) => ({
      id: ticket.id,
      label: `${ticket.number} ${ticket.type} ${ticket.status}: ${ticket.subject}`.slice(0, 200),
      at: ticket.createdAt,
    })),
  };
}

/** Complaint cases not closed yet, of every open status, the oldest first. */
async function complaintsSection(tenantId: string, storeId: string): Promise<OpenItems> {
  const perStatus = await Promise.all(
    complaintStatuses
      .filter((status) => status !== 'closed')
      .map(async (status) => {
        const view = complaintEntity.view('byStoreStatus', { tenantId, storeId, status });
        const [count, page] = await Promise.all([
          countItems(view, countCap),
          listComplaintCases(view, { limit: snapshotListLimit }),
        ]);
        return { count, items: page.items };
      }),
  );
  const complaints: Complaint[] = perStatus
    .flatMap((section) => section.items)
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    count: perStatus.reduce((sum, section) => sum + section.count, 0),
    items: complaints.slice(0, snapshotListLimit).map((complaint) => ({
      id: complaint.id,
      label:
        `${complaint.ticketNumber} ${complaint.category} ${complaint.status}: ${complaint.complainant.name}`.slice(
          0,
          200,
        ),
      at: complaint.createdAt,
    })),
  };
}

/** One reader per section of the snapshot (ShiftSnapshot in shared/shift-handovers/views.ts). */
const snapshotSections: Record<SectionName, SectionReader> = {
  wakeUpCalls: wakeUpCallsSection,
  luggage: (tenantId, storeId) =>
    inStatus(
      luggageEntity.view('byStoreStatus', { tenantId, storeId, status: 'stored' }),
      luggageOfStore(tenantId, storeId, 'stored', first),
      (bag) => ({
        id: bag.id,
        label: `${bag.tagNumber} ${bag.guestName} ×${bag.pieces} @ ${bag.location}`,
        at: bag.expectedPickUpAt,
      }),
    ),
  loans: (tenantId, storeId) =>
    inStatus(
      loanEntity.view('byStoreStatus', { tenantId, storeId, status: 'out' }),
      loansOfStore(tenantId, storeId, 'out', first),
      (loan) => ({
        id: loan.id,
        label: `${loan.item} → ${loan.room ?? loan.guestName ?? ''} (deposit ${loan.deposit} ${loan.currency})`,
        at: loan.dueBackAt,
      }),
    ),
  safeBoxes: (tenantId, storeId) =>
    inStatus(
      safeBoxEntity.view('byStoreStatus', { tenantId, storeId, status: 'open' }),
      safeBoxesOfStore(tenantId, storeId, 'open', first),
      (box) => ({
        id: box.id,
        label: `box ${box.boxNumber}: ${box.room} ${box.guestName}`,
        at: box.openedAt,
      }),
    ),
  guestMessages: (tenantId, storeId) =>
    inStatus(
      guestMessageEntity.view('byStoreStatus', { tenantId, storeId, status: 'undelivered' }),
      guestMessagesOfStore(tenantId, storeId, 'undelivered', first),
      (message) => ({
        id: message.id,
        label: `${message.room ?? ''} ${message.guestName ?? ''} from ${message.from}`.trim(),
        at: message.takenAt,
      }),
    ),
  complaints: (tenantId, storeId) => complaintsSection(tenantId, storeId),
  tickets: (tenantId, storeId) => ticketsSection(tenantId, storeId),
};

/** The snapshot of a store's open items at `now` (its zone names the days), for a shift handover. */
export async function readShiftSnapshot(
  tenantId: string,
  store: { readonly id: string; readonly timezone: string },
  now: Date,
): Promise<ShiftSnapshot> {
  const names = Object.keys(snapshotSections) as SectionName[];
  const read = await Promise.all(
    names.map((name) => snapshotSections[name](tenantId, store.id, now, store.timezone)),
  );
  return {
    takenAt: now.toISOString(),
    listLimit: snapshotListLimit,
    ...(Object.fromEntries(names.map((name, i) => [name, read[i]])) as Record<SectionName, OpenItems>),
  };
}
