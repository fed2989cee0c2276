import { writeTransaction } from '../db/transactions';
import { staffToTell } from '../front-office/desk';
import { newId } from '../ids';
import { notificationWrite } from '../notifications/inbox';
import { dropTimerWrite, findTimer, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { loanTimerOf, markOverdue } from './model';
import { findLoan, loanWrites } from './repository';

/**
 * A lent item is not back by its due time: the desk on duty is reminded, once. Conditioned on the
 * loan's version and the timer's dispatched generation, like every timer consumer.
 */
export async function fireLoanTimer(
  message: TimerMessage,
  now: Date,
): Promise<'applied' | 'stale' | 'duplicate'> {
  const key = { pk: message.pk, sk: message.sk };
  const timer = await findTimer(key);
  if (!timer || timer.generation !== message.generation || timer.state !== 'dispatched') return 'stale';
  const loan = await findLoan(timer.tenantId, timer.subjectId);
  const wanted = loan ? loanTimerOf(loan) : undefined;
  if (!loan || wanted?.stage !== timer.stage || wanted.dueAt !== timer.dueAt) {
    await unlessAlreadyDone(message, () =>
      writeTransaction(timer.tenantId, [dropTimerWrite(key, timer.generation)]),
    );
    return 'stale';
  }
  const reminded = markOverdue(loan, now);
  const desk = await staffToTell(timer.tenantId, loan.storeId, 'desk');
  const at = now.toISOString();
  const applied = await unlessAlreadyDone(message, () =>
    writeTransaction(timer.tenantId, [
      ...loanWrites(timer.tenantId, reminded, loan, timer.generation),
      ...desk.map((staffId) =>
        notificationWrite(timer.tenantId, {
          id: newId(now),
          staffId,
          kind: 'loan_overdue',
          storeId: loan.storeId,
          loanId: loan.id,
          item: loan.item,
          ...(loan.room ? { room: loan.room } : {}),
          dueAt: loan.dueBackAt,
          at,
        }),
      ),
    ]),
  );
  return applied ? 'applied' : 'duplicate';
}
