import { assertStoreAccess, type Principal } from '../../access/principal';
import { addBusinessMinutes, addWorkingDays } from '../../calendar/business-time';
import { resolveCalendar } from '../../calendar/repository';
import type { BusinessCalendar } from '../../calendar/views';
import type { TransactionItem } from '../../db/transactions';
import { DomainError, notFound, versionConflict } from '../../errors';
import { newId } from '../../ids';
import { findStore } from '../../stores/repository';
import { withSla } from '../../tickets/changes';
import { findTicket } from '../../tickets/repository';
import { sideEffects } from '../../tickets/side-effects';
import type { Ticket, TimelineEvent } from '../../tickets/views';
import { appointmentProblems, appointmentRefused } from '../appointment';
import {
  applyRepairStep,
  finishes,
  quoteStallWorkingDays,
  type RepairCase,
  visitGraceMinutes,
} from '../model';
import type { RepairReactions } from '../ports';
import { findRepairCase, readRepairPriceList, saveRepairStep } from '../repository';
import type { RecordRepairStepInput } from '../schema';

/** The ticket statuses a ticket may be resolved from (tickets/lifecycle.ts). */
const resolvable: readonly Ticket['status'][] = ['in_progress', 'pending_customer', 'pending_third_party'];

/**
 * One stage of a repair, with its ticket event in the same transaction. A quote schedules the
 * unanswered-quote reminder (3 working days on the store's calendar), a new on-site window the
 * reminder of a visit never recorded; any later stage drops them. A withdrawal or a cancellation
 * ends the case `cancelled` and leaves the ticket as it is: whether the ticket is cancelled,
 * resolved or goes on (another case) is the desk's decision (transitionTicket). A payment it
 * marked due back is recorded as paid back (refund) on the cancelled case, once, even after the
 * ticket was closed.
 * The step that finishes the repair (delivered; the on-site visit) adds the repair to the
 * item's history and resolves the ticket if work on it has started (in progress or pending),
 * with the ticket's SLA, workload and post-service revisit, all in the same transaction.
 */
export async function recordRepairStep(
  principal: Principal,
  repairId: string,
  input: RecordRepairStepInput,
  now: Date,
  reactions: RepairReactions,
): Promise<RepairCase> {
  const { tenantId } = principal;
  const repair = await findRepairCase(tenantId, repairId);
  if (!repair) throw notFound('repair');
  assertStoreAccess(principal, repair.storeId);
  if (input.version !== repair.version) throw versionConflict('repair case');
  const finishing = finishes(repair, input.step);
  let calendar: BusinessCalendar | undefined;
  if (input.step === 'quote' || input.step === 'reschedule' || finishing) {
    const store = await findStore(tenantId, repair.storeId);
    if (!store) throw new DomainError('not_found', 'store_not_found', 'The repair’s store no longer exists.');
    calendar = await resolveCalendar(tenantId, store);
  }
  if (input.step === 'reschedule' && calendar) {
    // 改约: the new window must fall in the store's business hours, like the first one.
    const issues = appointmentProblems(calendar, input.appointment);
    if (issues.length > 0) throw appointmentRefused(issues);
  }
  // Quotes, visits and declines (the inspection fee) are priced from the tenant's price list.
  const priced = input.step === 'quote' || input.step === 'visit' || input.step === 'decline';
  const priceList = priced ? await readRepairPriceList(tenantId) : undefined;
  const { repair: next, event } = applyRepairStep(repair, input, {
    actorId: principal.userId,
    roles: principal.roles,
    eventId: newId(now),
    now,
    ...(priceList ? { priceList } : {}),
    ...(calendar ? { timeZone: calendar.timezone } : {}),
    ...(input.step === 'quote' && calendar
      ? { quoteStallAt: addWorkingDays(calendar, now, quoteStallWorkingDays).toISOString() }
      : {}),
    ...(input.step === 'reschedule' && calendar
      ? {
          visitStallAt: addBusinessMinutes(
            calendar,
            new Date(input.appointment.to),
            visitGraceMinutes,
          ).toISOString(),
        }
      : {}),
  });
  if (!finishing || !calendar) {
    await saveRepairStep(tenantId, repair, next, [event], undefined, [], input.step === 'refund');
    return next;
  }

  const alongside: TransactionItem[] = next.countsAsRepair
    ? [...(await reactions.finished(tenantId, next))]
    : [];
  const ticket = await findTicket(tenantId, repair.ticketId);
  if (!ticket || !resolvable.includes(ticket.status)) {
    // Work on the ticket never started (or it is already resolved): the case finishes, the ticket stays.
    await saveRepairStep(tenantId, repair, next, [event], undefined, alongside);
    return next;
  }
  const resolution = `${repair.mode.replace('_', '-')} repair ${repair.id} finished: ${event.kind === 'case_step' ? (event.note ?? event.step) : ''}`;
  const at = now.toISOString();
  const resolved: Ticket = {
    ...ticket,
    status: 'resolved',
    resolvedAt: at,
    resolution: resolution.slice(0, 2000),
    updatedAt: at,
    version: ticket.version + 1,
  };
  const statusEvent: TimelineEvent = {
    id: newId(now),
    ticketId: ticket.id,
    kind: 'status_changed',
    from: ticket.status,
    to: 'resolved',
    resolution: resolved.resolution,
    actorId: principal.userId,
    at,
  };
  const tracked = await withSla(tenantId, ticket, resolved, now);
  const followUp = await reactions.resolved(
    tenantId,
    tracked.ticket,
    tracked.calendar ?? calendar,
    principal.userId,
    now,
  );
  const after = followUp
    ? { ...tracked.ticket, postServiceRevisitId: followUp.postServiceRevisitId }
    : tracked.ticket;
  await saveRepairStep(tenantId, repair, next, [event, statusEvent], { before: ticket, after }, [
    ...alongside,
    ...sideEffects(tenantId, ticket, after, now),
    ...tracked.timers,
    ...(followUp?.writes ?? []),
  ]);
  return next;
}
