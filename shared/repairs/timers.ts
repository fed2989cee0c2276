import { writeTransaction } from '../db/transactions';
import { newId } from '../ids';
import { notificationWrite } from '../notifications/inbox';
import { listMemberships } from '../staff/repository';
import { findTicket } from '../tickets/repository';
import { dropTimerWrite, findTimer, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { markStalled, type RepairCase, repairTimerOf } from './model';
import { findRepairCase, repairEventWrite, repairWrites } from './repository';

const supervisorsUp = ['supervisor', 'manager'];

/** What the timeline says stalled, by stage. */
const stalledNote = (repair: RepairCase, stage: string) =>
  stage === 'quote'
    ? `quote unanswered since ${repair.quote?.at ?? ''}`
    : stage === 'visit'
      ? `no visit recorded for the window ${repair.appointment?.from ?? ''}–${repair.appointment?.to ?? ''}`
      : `parcel not received since ${repair.createdAt}`;

/**
 * A stalled stage (a quote unanswered for 3 working days, a parcel not received in 7 days, an
 * on-site window past its end + 2 business hours with no visit recorded): the ticket's assignee
 * (else the case's technician) is reminded in their inbox, once, with a note on the ticket
 * timeline; a visit never recorded reminds the technician who was to go and the store's
 * supervisors and managers (上门未登记: someone must call the customer). Conditioned on the case's version and the timer's dispatched generation,
 * like every timer consumer; a case that moved on meanwhile only drops the timer.
 */
export async function fireRepairTimer(
  message: TimerMessage,
  now: Date,
): Promise<'applied' | 'stale' | 'duplicate'> {
  const key = { pk: message.pk, sk: message.sk };
  const timer = await findTimer(key);
  if (!timer || timer.generation !== message.generation || timer.state !== 'dispatched') return 'stale';
  const repair = await findRepairCase(timer.tenantId, timer.subjectId);
  const wanted = repair ? repairTimerOf(repair) : undefined;
  if (!repair?.stall || wanted?.stage !== timer.stage || wanted.dueAt !== timer.dueAt) {
    await unlessAlreadyDone(message, () =>
      writeTransaction(timer.tenantId, [dropTimerWrite(key, timer.generation)]),
    );
    return 'stale';
  }
  const ticket = await findTicket(timer.tenantId, repair.ticketId);
  const stage = repair.stall.stage;
  const assignee = stage === 'visit' ? repair.technicianId : (ticket?.assigneeId ?? repair.technicianId);
  const supervisors =
    stage === 'visit'
      ? (await listMemberships(timer.tenantId, repair.storeId))
          .filter((member) => member.roles.some((role) => supervisorsUp.includes(role)))
          .map((member) => member.id)
      : [];
  const notified = [...new Set([...(assignee ? [assignee] : []), ...supervisors])];
  const reminded = markStalled(repair, now, notified);
  const at = now.toISOString();
  const applied = await unlessAlreadyDone(message, () =>
    writeTransaction(timer.tenantId, [
      ...repairWrites(timer.tenantId, reminded, repair, timer.generation),
      repairEventWrite(timer.tenantId, {
        id: newId(now),
        ticketId: repair.ticketId,
        kind: 'case_step',
        caseKind: 'repair',
        caseId: repair.id,
        step: `stalled_${stage}`,
        from: repair.status,
        to: repair.status,
        note: `${stalledNote(repair, stage)}; reminded ${notified.join(', ') || 'nobody (no assignee)'}`,
        actorId: 'timer',
        at,
      }),
      ...notified.map((staffId) =>
        notificationWrite(timer.tenantId, {
          id: newId(now),
          staffId,
          kind: 'repair_stalled',
          storeId: repair.storeId,
          repairId: repair.id,
          ticketId: repair.ticketId,
          ...(ticket ? { ticketNumber: ticket.number } : {}),
          stage,
          dueAt: repair.stall?.dueAt ?? at,
          at,
        }),
      ),
    ]),
  );
  return applied ? 'applied' : 'duplicate';
}
