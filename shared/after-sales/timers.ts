import { atVersion, putEntity } from '../db/items';
import { writeTransaction } from '../db/transactions';
import { newId } from '../ids';
import { notificationWrite } from '../notifications/inbox';
import { listMemberships, staffIdForUser } from '../staff/repository';
import { findTicket } from '../tickets/repository';
import { dropTimerWrite, findTimer, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { returnCaseEntity } from './entities';
import { markRefundOverdue, refundTimerOf } from './model';
import { caseEventWrite, findReturnCase, refundTimerWrites } from './repository';

/** Thrown when a timer arrives before its time (an early redelivery): SQS tries again later. */
export class RefundTimerNotDueYet extends Error {}

/**
 * The goods came back for a refund 7 days ago and no refund is recorded (暂行办法 art. 12): the
 * ticket's assignee (else whoever registered the case) and the store's supervisors are told in
 * their inbox, once, and the case and its ticket timeline show it overdue. Conditioned on the
 * case's version and the timer's dispatched generation in one transaction, so a duplicate
 * delivery or a restart changes nothing; a refund recorded meanwhile dropped the timer itself.
 */
export async function fireRefundDueTimer(
  message: TimerMessage,
  now: Date,
): Promise<'applied' | 'stale' | 'duplicate'> {
  const key = { pk: message.pk, sk: message.sk };
  const timer = await findTimer(key);
  if (!timer || timer.generation !== message.generation || timer.state !== 'dispatched') return 'stale';
  const { tenantId } = timer;
  const returnCase = await findReturnCase(tenantId, timer.subjectId);
  const wanted = returnCase ? refundTimerOf(returnCase) : undefined;
  if (!returnCase || wanted?.stage !== timer.stage || wanted.dueAt !== timer.dueAt) {
    await unlessAlreadyDone(message, () =>
      writeTransaction(tenantId, [dropTimerWrite(key, timer.generation)]),
    );
    return 'stale';
  }
  if (Date.parse(wanted.dueAt) > now.getTime() + 1_000) {
    throw new RefundTimerNotDueYet(`the refund of ${returnCase.id} is not due at ${now.toISOString()}`);
  }
  const [ticket, registrar, members] = await Promise.all([
    findTicket(tenantId, returnCase.ticketId),
    staffIdForUser(tenantId, returnCase.createdBy),
    listMemberships(tenantId, returnCase.storeId),
  ]);
  const owner = ticket?.assigneeId ?? registrar;
  const supervisors = members.filter((member) => member.roles.includes('supervisor')).map((m) => m.id);
  const notified = [...new Set([...(owner ? [owner] : []), ...supervisors])];
  const { returnCase: chased, event } = markRefundOverdue(returnCase, notified, {
    eventId: newId(now),
    now,
  });
  const at = now.toISOString();
  const applied = await unlessAlreadyDone(message, () =>
    writeTransaction(tenantId, [
      putEntity(returnCaseEntity, tenantId, chased, atVersion(returnCase.version)),
      ...refundTimerWrites(tenantId, chased, returnCase, timer.generation),
      caseEventWrite(tenantId, event),
      ...notified.map((staffId) =>
        notificationWrite(tenantId, {
          id: newId(now),
          staffId,
          kind: 'refund_overdue',
          storeId: returnCase.storeId,
          returnId: returnCase.id,
          ticketId: returnCase.ticketId,
          ...(ticket ? { ticketNumber: ticket.number } : {}),
          refundLimit: returnCase.refundLimit,
          dueAt: wanted.dueAt,
          at,
        }),
      ),
    ]),
  );
  return applied ? 'applied' : 'duplicate';
}
