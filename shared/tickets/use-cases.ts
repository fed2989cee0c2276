import { encodeTime } from 'ulidx';
import { assertStoreAccess, canActInStore, type Principal } from '../access/principal';
import { resolveCalendar } from '../calendar/repository';
import type { BusinessCalendar } from '../calendar/schema';
import { newCustomer } from '../customers/model';
import {
  customerWrites,
  findCustomer,
  findCustomerByPhone,
  phoneReservationIndex,
  findPurchase as purchaseOfCustomer,
} from '../customers/repository';
import type { Customer } from '../customers/schema';
import type { Page } from '../db/cursor';
import { assertTimeLeft, isCutOff } from '../db/deadline';
import type { IdempotencyClaim } from '../db/idempotency';
import type { TransactionItem } from '../db/transactions';
import { conflict, DomainError, type FieldIssue, invalidInput, notFound, unavailable } from '../errors';
import { newId } from '../ids';
import { logger } from '../observability/logger';
import { readTenantSettings } from '../settings/tenant-settings';
import { startSla } from '../sla/clock';
import { matchPolicy } from '../sla/policies';
import { readSlaPolicies } from '../sla/repository';
import { assigneeNotLinked, notInDirectory } from '../staff/linking';
import { findMembership, listMemberships, staffIdForUser } from '../staff/repository';
import { findStore } from '../stores/repository';
import type { Store } from '../stores/schema';
import { canTake, chooseAssignee } from './dispatch';
import { ticketKeys } from './keys';
import {
  type Assignee,
  assignTicket,
  commentOnTicket,
  openTicket,
  transitionTicket,
  updateTicket,
} from './model';
import { localDay, ticketNumber } from './numbering';
import {
  appendTicketEvent,
  findTicket,
  insertTicket,
  listTicketsInView,
  listTimeline,
  PrerequisiteFailed,
  type ReservedNumber,
  readOpeningContext,
  reserveTicketNumber,
  saveTicketChange,
  type TicketView,
  voidTicketNumber,
} from './repository';
import type {
  AssignTicketInput,
  CommentInput,
  CreateTicketInput,
  ListTicketsQuery,
  Ticket,
  TimelineEvent,
  TransitionTicketInput,
  UpdateTicketInput,
} from './schema';
import { sideEffects } from './side-effects';
import { slaTimerWrites, trackSla } from './sla-tracking';

/** Lost races left once numbers are reserved atomically: a customer registered by a twin meanwhile. */
const maxCreateAttempts = 5;

const referenceMissing = (path: string, what: string): FieldIssue => ({
  in: 'body',
  path,
  message: `No such ${what}.`,
});

/**
 * The SLA side of a ticket change: the clocks it moves and the timers that follow them.
 * Tickets without an SLA cost nothing extra; others read their store's calendar.
 */
async function withSla(
  tenantId: string,
  before: Ticket,
  after: Ticket,
  now: Date,
): Promise<{ ticket: Ticket; timers: TransactionItem[]; calendar?: BusinessCalendar }> {
  if (!after.sla) return { ticket: after, timers: [] };
  const store = await findStore(tenantId, after.storeId);
  if (!store) return { ticket: after, timers: [] };
  const retargets = before.type !== after.type || before.priority !== after.priority;
  const [calendar, policies] = await Promise.all([
    resolveCalendar(tenantId, store),
    retargets ? readSlaPolicies(tenantId).then((set) => set.policies) : Promise.resolve(undefined),
  ]);
  const ticket = trackSla(before, after, { calendar, ...(policies ? { policies } : {}), now });
  return { ticket, timers: slaTimerWrites(tenantId, before, ticket, calendar), calendar };
}

/** Who a ticket is about: an existing customer, one found by phone, or one registered now. */
async function resolveCustomer(
  tenantId: string,
  input: CreateTicketInput,
  now: Date,
): Promise<{ customer: Customer | undefined; isNew: boolean }> {
  if (input.customerId) {
    const customer = await findCustomer(tenantId, input.customerId);
    if (!customer) {
      throw new DomainError('rule_refused', 'customer_not_found', 'Unknown customer.', [
        referenceMissing('customerId', 'customer'),
      ]);
    }
    return { customer, isNew: false };
  }
  if (!input.customer) return { customer: undefined, isNew: false };
  const existing = await findCustomerByPhone(tenantId, input.customer.phone);
  if (existing) return { customer: existing, isNew: false };
  return { customer: newCustomer(input.customer, newId(now), now), isNew: true };
}

async function autoDispatchAssignee(tenantId: string, store: Store, input: CreateTicketInput) {
  if (!store.autoDispatchTypes?.includes(input.type)) return undefined;
  const members = await listMemberships(tenantId, store.id);
  const chosen = chooseAssignee(
    input.type,
    members.map((member) => ({
      staffId: member.id,
      userId: member.userId,
      roles: member.roles,
      openTickets: member.openTickets,
      lastAssignedAt: member.lastAssignedAt,
    })),
  );
  const member = chosen && members.find((candidate) => candidate.id === chosen.staffId);
  return member ? { staffId: member.id, userId: member.userId } : undefined;
}

/**
 * Opens a ticket: links or registers the customer, reserves the next number of the store's
 * local day, dispatches automatically where the store asks for it, and writes it all in one
 * transaction. A lost race (a customer registered meanwhile) is retried with the same number.
 * A create that fails after reserving its number leaves that number void in the register.
 */
export async function createTicket(
  principal: Principal,
  input: CreateTicketInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
  origin?: { revisitId: string },
): Promise<Ticket> {
  assertStoreAccess(principal, input.storeId);
  const context = await readOpeningContext(principal.tenantId, input.storeId);
  if (!context) {
    throw new DomainError(
      'rule_refused',
      'store_not_found',
      'The ticket names a store that does not exist.',
      [referenceMissing('storeId', 'store')],
    );
  }
  const { store, calendar, policies } = context;
  const day = localDay(now, store.timezone);
  const dispatchTo = await autoDispatchAssignee(principal.tenantId, store, input);
  const policy = matchPolicy(policies, { type: input.type, priority: input.priority, storeId: store.id });
  const sla = policy ? startSla(policy, now, calendar) : undefined;
  const { customer: _lookup, customerId: _id, ...fields } = input;

  // Reserved only once the references check out, so bad input leaves no void behind.
  let reserved: ReservedNumber | undefined;
  let attempted: Ticket | undefined;
  try {
    for (let attempt = 1; attempt <= maxCreateAttempts; attempt++) {
      const { customer, isNew } = await resolveCustomer(principal.tenantId, input, now);
      if (input.purchaseId) {
        const purchase =
          customer && !isNew && (await purchaseOfCustomer(principal.tenantId, customer.id, input.purchaseId));
        if (!purchase) {
          throw new DomainError(
            'rule_refused',
            'purchase_not_found',
            'The purchase is not one of this customer’s.',
            [referenceMissing('purchaseId', 'purchase of this customer')],
          );
        }
      }
      assertTimeLeft();
      reserved ??= await reserveTicketNumber(principal.tenantId, store.id, day);
      const opened = openTicket(
        {
          ...fields,
          ...(customer ? { customerId: customer.id } : {}),
          contact: input.contact ?? (customer ? { name: customer.name, phone: customer.phone } : undefined),
          ...(sla ? { sla } : {}),
          ...(origin ? { revisitId: origin.revisitId } : {}),
        },
        {
          ticketId: newId(now),
          eventId: newId(now),
          number: ticketNumber(store.code, day, reserved.sequence),
        },
        principal.userId,
        now,
      );
      const dispatched = dispatchTo
        ? assignTicket(opened.ticket, dispatchTo, {
            actorId: 'auto-dispatch',
            eventId: newId(now),
            now,
            auto: true,
          })
        : undefined;
      const ticket = dispatched?.ticket ?? opened.ticket;
      attempted = ticket;
      try {
        await insertTicket(
          principal.tenantId,
          {
            ticket,
            events: [
              opened.created,
              ...(origin
                ? [
                    {
                      id: newId(now),
                      ticketId: ticket.id,
                      kind: 'linked' as const,
                      revisitId: origin.revisitId,
                      actorId: principal.userId,
                      at: now.toISOString(),
                    },
                  ]
                : []),
              ...(dispatched ? [dispatched.event] : []),
            ],
            number: reserved,
            before: isNew && customer ? customerWrites(principal.tenantId, customer) : [],
            after: [
              ...sideEffects(principal.tenantId, undefined, ticket, now),
              ...slaTimerWrites(principal.tenantId, undefined, ticket, calendar),
            ],
          },
          { claim: idempotency, response: { body: ticket }, now },
        );
        return ticket;
      } catch (error) {
        const lostRace = error instanceof PrerequisiteFailed && error.index === phoneReservationIndex;
        if (!lostRace) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
    throw unavailable(
      'contention',
      'The customer record kept changing under this create; nothing was written. Retry.',
    );
  } catch (error) {
    if (!reserved) throw error;
    return accountForNumber(principal.tenantId, reserved, attempted, error, now);
  }
}

/**
 * The failure path of a create that holds a number: the number is voided, unless the ticket's
 * transaction did land after all (an answer lost to a timeout), in which case that ticket is the
 * answer. Either way the register accounts for the number and the caller's answer is the truth.
 */
async function accountForNumber(
  tenantId: string,
  number: ReservedNumber,
  attempted: Ticket | undefined,
  error: unknown,
  now: Date,
): Promise<Ticket> {
  const reason =
    error instanceof DomainError ? error.code : error instanceof Error ? error.name : 'create_failed';
  let outcome: 'voided' | 'held';
  try {
    outcome = await voidTicketNumber(tenantId, number, reason, now);
  } catch (voidFailed) {
    // The register then shows a gap; docs/data-model.md says how a reader treats one.
    logger.error('could not void a reserved ticket number', { number, voidFailed, error });
    throw error;
  }
  if (outcome === 'held' && attempted) return attempted;
  // Voided: the ticket can no longer land, so a cut-off create is a clean 503.
  if (isCutOff(error)) {
    throw unavailable(
      'deadline',
      'The service is busy and could not finish in time; nothing was written. Retry.',
    );
  }
  throw error;
}

export async function getTicket(principal: Principal, ticketId: string): Promise<Ticket> {
  const ticket = await findTicket(principal.tenantId, ticketId);
  if (!ticket) throw notFound('ticket');
  assertStoreAccess(principal, ticket.storeId);
  return ticket;
}

const assertVersion = (ticket: Ticket, version: number | undefined) => {
  if (version !== undefined && version !== ticket.version) {
    throw conflict(
      'version_conflict',
      `The ticket is at version ${ticket.version}, not ${version}; read it again.`,
    );
  }
};

/** Dispatch by hand: the assignee must work in the ticket's store in a role that can take its type. */
export async function assignTicketTo(
  principal: Principal,
  ticketId: string,
  input: AssignTicketInput,
  now: Date,
): Promise<Ticket> {
  const ticket = await getTicket(principal, ticketId);
  assertVersion(ticket, input.version);
  const member = await findMembership(principal.tenantId, ticket.storeId, input.assigneeId);
  if (!member) {
    throw new DomainError(
      'rule_refused',
      'assignee_not_in_store',
      'The assignee does not work in this store.',
      [{ in: 'body', path: 'assigneeId', message: 'Not a staff member of the ticket’s store.' }],
    );
  }
  if (member.userId === undefined) throw assigneeNotLinked(member.id);
  if (!canTake(ticket.type, member.roles)) {
    throw new DomainError(
      'rule_refused',
      'assignee_cannot_take',
      `No role of the assignee takes ${ticket.type} tickets.`,
      [{ in: 'body', path: 'assigneeId', message: `Cannot take ${ticket.type} tickets.` }],
    );
  }
  const assignee: Assignee = { staffId: member.id, userId: member.userId };
  const change = assignTicket(ticket, assignee, {
    actorId: principal.userId,
    eventId: newId(now),
    now,
    auto: false,
    note: input.note,
  });
  if (!change) return ticket;
  await saveTicketChange(
    principal.tenantId,
    ticket,
    change.ticket,
    [change.event],
    sideEffects(principal.tenantId, ticket, change.ticket, now),
  );
  return change.ticket;
}

/**
 * What another area does when a ticket changes, supplied by shared/flows/ so that tickets never
 * import the areas that react to them.
 */
export interface TicketReactions {
  /** Writes that land with a resolution: the post-service revisit it books, if any. */
  readonly resolved: (
    tenantId: string,
    ticket: Ticket,
    calendar: BusinessCalendar,
    actorId: string,
    now: Date,
  ) => Promise<
    { readonly postServiceRevisitId: string; readonly writes: readonly TransactionItem[] } | undefined
  >;
}

export async function moveTicket(
  principal: Principal,
  ticketId: string,
  input: TransitionTicketInput,
  now: Date,
  reactions: TicketReactions,
): Promise<Ticket> {
  const ticket = await getTicket(principal, ticketId);
  assertVersion(ticket, input.version);
  const reopening = ticket.status === 'resolved' && input.to === 'in_progress';
  const { reopenWindowDays } = reopening
    ? await readTenantSettings(principal.tenantId)
    : { reopenWindowDays: 0 };
  const change = transitionTicket(ticket, input, principal, { eventId: newId(now), now, reopenWindowDays });
  const tracked = await withSla(principal.tenantId, ticket, change.ticket, now);
  const followUp =
    input.to === 'resolved'
      ? await serviceRevisit(principal, tracked.ticket, now, reactions, tracked.calendar)
      : undefined;
  const moved = followUp
    ? { ...tracked.ticket, postServiceRevisitId: followUp.postServiceRevisitId }
    : tracked.ticket;
  await saveTicketChange(
    principal.tenantId,
    ticket,
    moved,
    [change.event],
    [...sideEffects(principal.tenantId, ticket, moved, now), ...tracked.timers, ...(followUp?.writes ?? [])],
  );
  return moved;
}

/** Resolving a service ticket of a known customer schedules its 回访 in the same transaction. */
async function serviceRevisit(
  principal: Principal,
  ticket: Ticket,
  now: Date,
  reactions: TicketReactions,
  known?: BusinessCalendar,
) {
  if (!ticket.customerId || ticket.postServiceRevisitId) return undefined;
  let calendar = known;
  if (!calendar) {
    const store = await findStore(principal.tenantId, ticket.storeId);
    if (!store) return undefined;
    calendar = await resolveCalendar(principal.tenantId, store);
  }
  return reactions.resolved(principal.tenantId, ticket, calendar, principal.userId, now);
}

export async function commentOn(
  principal: Principal,
  ticketId: string,
  input: CommentInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<TimelineEvent> {
  const ticket = await getTicket(principal, ticketId);
  const change = commentOnTicket(ticket, input, { actorId: principal.userId, eventId: newId(now), now });
  const remembered = { claim: idempotency, response: { body: change.event }, now };
  if (change.ticket) {
    const tracked = await withSla(principal.tenantId, ticket, change.ticket, now);
    await saveTicketChange(
      principal.tenantId,
      ticket,
      tracked.ticket,
      [change.event],
      tracked.timers,
      remembered,
    );
  } else {
    await appendTicketEvent(principal.tenantId, change.event, remembered);
  }
  return change.event;
}

export async function editTicket(
  principal: Principal,
  ticketId: string,
  input: UpdateTicketInput,
  now: Date,
): Promise<Ticket> {
  const ticket = await getTicket(principal, ticketId);
  assertVersion(ticket, input.version);
  const change = updateTicket(ticket, input, { actorId: principal.userId, eventId: newId(now), now });
  if (!change) return ticket;
  const tracked = await withSla(principal.tenantId, ticket, change.ticket, now);
  await saveTicketChange(principal.tenantId, ticket, tracked.ticket, [change.event], tracked.timers);
  return tracked.ticket;
}

export async function ticketTimeline(
  principal: Principal,
  ticketId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<TimelineEvent>> {
  await getTicket(principal, ticketId);
  return listTimeline(principal.tenantId, ticketId, page);
}

/** The largest time a ULID holds (year 10889); an open-ended range runs to it. */
const maxUlidTime = 2 ** 48 - 1;

/**
 * ULID bounds of a creation-time range, so a range is a key condition on the id-sorted views.
 * `from`/`to` passed the strict instant schema (2000–2100), so both fit the ULID's 48-bit time.
 */
function idRange(query: ListTicketsQuery): readonly [string, string] | undefined {
  if (query.from === undefined && query.to === undefined) return undefined;
  const from = query.from === undefined ? 0 : Date.parse(query.from);
  const to = query.to === undefined ? maxUlidTime : Date.parse(query.to);
  if (from > to) throw invalidInput([{ in: 'query', path: 'to', message: 'Must not be before from.' }]);
  return [`${encodeTime(from, 10)}${'0'.repeat(16)}`, `${encodeTime(to, 10)}${'Z'.repeat(16)}`];
}

/**
 * The queue views: by assignee ("my open tickets", `assigneeId=me`), by customer, or a store's
 * queue by status and/or creation-time range. Each is one Query on a key or index.
 */
export async function listTickets(principal: Principal, query: ListTicketsQuery): Promise<Page<Ticket>> {
  const { limit, cursor, ...filters } = query;
  // The cursor is bound to every filter as asked, so it is refused with any other.
  const page = { limit, cursor, newestFirst: query.order === 'newest', list: 'tickets', filters };
  const range = idRange(query);
  let view: TicketView & { sortKeyBetween?: readonly [string, string] };
  if (query.assigneeId) {
    const staffId =
      query.assigneeId === 'me'
        ? await staffIdForUser(principal.tenantId, principal.userId)
        : query.assigneeId;
    if (!staffId) {
      throw notInDirectory(principal.userId);
    }
    view = ticketKeys.byAssignee(principal.tenantId, staffId, query.open === 'true');
  } else if (query.customerId) {
    view = ticketKeys.byCustomer(principal.tenantId, query.customerId);
  } else {
    const storeId = query.storeId ?? (principal.storeIds.length === 1 ? principal.storeIds[0] : undefined);
    if (!storeId) {
      throw invalidInput([
        { in: 'query', path: 'storeId', message: 'Name the store, an assignee or a customer.' },
      ]);
    }
    assertStoreAccess(principal, storeId);
    view = {
      ...(query.status
        ? ticketKeys.byStoreAndStatus(principal.tenantId, storeId, query.status)
        : ticketKeys.byStore(principal.tenantId, storeId)),
      ...(range ? { sortKeyBetween: range } : {}),
    };
  }
  const result = await listTicketsInView(view, page);
  // Assignee and customer views span stores: show staff only what their stores allow.
  return {
    items: result.items.filter((ticket) => canActInStore(principal, ticket.storeId)),
    cursor: result.cursor,
  };
}
