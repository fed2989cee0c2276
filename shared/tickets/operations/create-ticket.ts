import { assertStoreAccess, type Principal } from '../../access/principal';
import { newCustomer } from '../../customers/model';
import {
  customerWrites,
  findCustomer,
  findCustomerByPhone,
  findPurchase,
  phoneReservationIndex,
} from '../../customers/repository';
import type { Customer, Purchase } from '../../customers/views';
import { assertTimeLeft, isCutOff } from '../../db/deadline';
import type { IdempotencyClaim } from '../../db/idempotency';
import { DomainError, type FieldIssue, unavailable } from '../../errors';
import { newId } from '../../ids';
import { logger } from '../../observability/logger';
import { startSla } from '../../sla/clock';
import { matchPolicy } from '../../sla/policies';
import { listMemberships } from '../../staff/repository';
import type { Store } from '../../stores/views';
import { chooseAssignee } from '../dispatch';
import { type Assignee, applyAssignment, openTicket } from '../model';
import { localDay, ticketNumber } from '../numbering';
import {
  insertTicket,
  PrerequisiteFailed,
  type ReservedNumber,
  readOpeningContext,
  reserveTicketNumber,
  voidTicketNumber,
} from '../repository';
import type { CreateTicketInput } from '../schema';
import { type ServiceCenterRoute, serviceCenterRoute } from '../service-center';
import { sideEffects } from '../side-effects';
import { slaTimerWrites } from '../sla-tracking';
import type { Ticket, TimelineEvent } from '../views';

/** Lost races left once numbers are reserved atomically: a customer registered by a twin meanwhile. */
const maxCreateAttempts = 5;

const referenceMissing = (path: string, what: string): FieldIssue => ({
  in: 'body',
  path,
  message: `No such ${what}.`,
});

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

/**
 * Who dispatch hands the new ticket to: anyone able, where the store asks for auto-dispatch; only
 * the service center's members, whatever the store asks, when the ticket is routed there.
 */
async function autoDispatchAssignee(
  tenantId: string,
  store: Store,
  input: CreateTicketInput,
  route: ServiceCenterRoute | undefined,
) {
  if (!route && !store.autoDispatchTypes?.includes(input.type)) return undefined;
  if (route?.staffIds.length === 0) return undefined;
  const members = (await listMemberships(tenantId, store.id)).filter(
    (member) => !route || route.staffIds.includes(member.id),
  );
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
  const policy = matchPolicy(policies, { type: input.type, priority: input.priority, storeId: store.id });
  const sla = policy ? startSla(policy, now, calendar) : undefined;
  const { customer: _lookup, customerId: _id, ...fields } = input;

  // Reserved only once the references check out, so bad input leaves no void behind.
  let reserved: ReservedNumber | undefined;
  let attempted: Ticket | undefined;
  let routing: { route: ServiceCenterRoute | undefined; dispatchTo: Assignee | undefined } | undefined;
  try {
    for (let attempt = 1; attempt <= maxCreateAttempts; attempt++) {
      const { customer, isNew } = await resolveCustomer(principal.tenantId, input, now);
      let purchase: Purchase | undefined;
      if (input.purchaseId) {
        purchase =
          (customer && !isNew && (await findPurchase(principal.tenantId, customer.id, input.purchaseId))) ||
          undefined;
        if (!purchase) {
          throw new DomainError(
            'rule_refused',
            'purchase_not_found',
            'The purchase is not one of this customer’s.',
            [referenceMissing('purchaseId', 'purchase of this customer')],
          );
        }
      }
      if (!routing) {
        const route = await serviceCenterRoute(principal.tenantId, input.type, purchase);
        routing = { route, dispatchTo: await autoDispatchAssignee(principal.tenantId, store, input, route) };
      }
      const { route, dispatchTo } = routing;
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
      // Recorded before the assignment it explains (timeline order is id order).
      const routed: TimelineEvent[] = route
        ? [
            {
              id: newId(now),
              ticketId: opened.ticket.id,
              kind: 'routed',
              to: 'service_center',
              reason: route.reason,
              merchantId: route.merchant.id,
              merchantName: route.merchant.name,
              departmentIds: [...route.departmentIds],
              actorId: 'auto-dispatch',
              at: now.toISOString(),
            },
          ]
        : [];
      const dispatched = dispatchTo
        ? applyAssignment(opened.ticket, dispatchTo, {
            actorId: 'auto-dispatch',
            eventId: newId(now),
            now,
            auto: true,
            ...(route
              ? { note: `service center (服务中心): merchant ${route.merchant.name} has exited` }
              : {}),
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
              ...routed,
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
