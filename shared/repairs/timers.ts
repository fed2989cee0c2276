import { writeTransaction } from '../db/transactions';
import { newId } from '../ids';
import { notificationWrite } from '../notifications/inbox';
import { findTicket } from '../tickets/repository';
import { dropTimerWrite, findTimer, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { markStalled, repairTimerOf } from './model';
import { findRepairCase, repairEventWrite, repairWrites } from './repository';

/**
 * A stalled stage (a quote unanswered for 3 working days, a parcel not received in 7 days): the
 * ticket's assignee (else the case's technician) is reminded in their inbox, once, with a note on
 * the ticket timeline. Conditioned on the case's version and the timer's dispatched generation,
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
  const assignee = ticket?.assigneeId ?? repair.technicianId;
  const notified = assignee ? [assignee] : [];
  const reminded = markStalled(repair, now, notified);
  const stage = repair.stall.stage;
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
        note:
          stage === 'quote'
            ? `quote unanswered since ${repair.quote?.at ?? ''}; reminded ${notified.join(', ') || 'nobody (no assignee)'}`
            : `parcel not received since ${repair.createdAt}; reminded ${notified.join(', ') || 'nobody (no assignee)'}`,
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
