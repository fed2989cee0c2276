import { DomainError } from '../errors';
import type { KeepLoanDepositInput, LendItemInput, ReturnLentItemInput } from './schema';
import type { Loan, LoanHistoryEntry } from './views';

/** Pure loan changes: the loan as read, the request, the actor and `now` in; the new loan out. */

export function newLoan(fields: { id: string; input: LendItemInput; actorId: string; now: Date }): Loan {
  const { input, now } = fields;
  const at = now.toISOString();
  const lentAt = new Date(input.lentAt ?? at).toISOString();
  return {
    id: fields.id,
    storeId: input.storeId,
    item: input.item,
    quantity: input.quantity,
    deposit: input.deposit,
    currency: input.currency,
    ...(input.room ? { room: input.room } : {}),
    ...(input.guestName ? { guestName: input.guestName } : {}),
    lentAt,
    dueBackAt: new Date(input.dueBackAt).toISOString(),
    lentBy: fields.actorId,
    ...(input.note ? { note: input.note } : {}),
    status: 'out',
    history: [{ at, by: fields.actorId, what: 'lent', detail: `deposit ${input.deposit} ${input.currency}` }],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** The reminder a loan still needs: once, at its due-back time, while it is out. */
export function loanTimerOf(loan: Loan): { stage: string; dueAt: string } | undefined {
  return loan.status === 'out' && !loan.remindedAt ? { stage: 'overdue', dueAt: loan.dueBackAt } : undefined;
}

const changed = (loan: Loan, now: Date, changes: Partial<Loan>, history: LoanHistoryEntry[]): Loan => ({
  ...loan,
  ...changes,
  history: [...loan.history, ...history],
  updatedAt: now.toISOString(),
  version: loan.version + 1,
});

function assertOut(loan: Loan): void {
  if (loan.status !== 'out') {
    throw new DomainError('conflict', 'loan_closed', `The item is ${loan.status}; nothing more to record.`);
  }
}

/** Not back by its due time: the desk is reminded (the deposit stays held). */
export function markOverdue(loan: Loan, now: Date): Loan {
  return changed(loan, now, { remindedAt: now.toISOString() }, [
    { at: now.toISOString(), by: 'timer', what: 'overdue_reminded', detail: `due back ${loan.dueBackAt}` },
  ]);
}

/** Back at the desk: the whole deposit goes back to the guest. */
export function applyReturn(
  loan: Loan,
  input: ReturnLentItemInput,
  context: { actorId: string; now: Date },
): Loan {
  assertOut(loan);
  const at = context.now.toISOString();
  return changed(loan, context.now, { status: 'returned', returnedAt: at, depositRefunded: loan.deposit }, [
    { at, by: context.actorId, what: 'returned', ...(input.note ? { detail: input.note } : {}) },
    { at, by: context.actorId, what: 'deposit_refunded', detail: `${loan.deposit} ${loan.currency}` },
  ]);
}

/** Not back (at check-out, or lost): the deposit is kept. */
export function applyKeepDeposit(
  loan: Loan,
  input: KeepLoanDepositInput,
  context: { actorId: string; now: Date },
): Loan {
  assertOut(loan);
  const at = context.now.toISOString();
  return changed(loan, context.now, { status: 'deposit_kept', depositRefunded: 0 }, [
    {
      at,
      by: context.actorId,
      what: 'deposit_kept',
      detail: `${loan.deposit} ${loan.currency}: ${input.reason}`,
    },
  ]);
}
