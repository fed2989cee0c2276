import { conflict } from '../errors';
import {
  type CreateMerchantInput,
  type DepositEntryKind,
  debitKinds,
  type TransitionMerchantInput,
} from './schema';
import type { DepositEntry, Merchant, MerchantHistoryEntry } from './views';

/** Pure merchant changes: the merchant as read, the request, the actor and `now` in; the new merchant out. */

const dayMs = 86_400_000;

export function newMerchant(
  input: CreateMerchantInput,
  context: { id: string; actorId: string; now: Date },
): Merchant {
  const at = context.now.toISOString();
  return {
    id: context.id,
    storeId: input.storeId,
    name: input.name,
    licenceNumber: input.licenceNumber,
    contact: input.contact,
    categories: input.categories,
    ...(input.unit ? { unit: input.unit } : {}),
    contractStart: input.contractStart,
    contractEnd: input.contractEnd,
    depositRequired: input.depositRequired,
    depositBalance: 0,
    receivable: 0,
    openClaims: 0,
    status: 'admitted',
    history: [{ at, by: context.actorId, what: 'admitted' }],
    createdBy: context.actorId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

const changed = (
  merchant: Merchant,
  now: Date,
  changes: Partial<Merchant>,
  line: Omit<MerchantHistoryEntry, 'at'>,
): Merchant => ({
  ...merchant,
  ...changes,
  // The item keeps its last 50 lines; the status changes of a merchant's life are far fewer.
  history: [...merchant.history, { at: now.toISOString(), ...line }].slice(-50),
  updatedAt: now.toISOString(),
  version: merchant.version + 1,
});

/** admitted → active; admitted/active → exiting with its public notice (撤场公示). */
export function applyMerchantTransition(
  merchant: Merchant,
  input: TransitionMerchantInput,
  context: { actorId: string; now: Date },
): Merchant {
  const refuse = () =>
    conflict(
      'merchant_transition_not_allowed',
      `A merchant that is ${merchant.status} cannot become ${input.to}.`,
    );
  if (input.to === 'active') {
    if (merchant.status !== 'admitted') throw refuse();
    return changed(merchant, context.now, { status: 'active' }, { by: context.actorId, what: 'active' });
  }
  if (merchant.status !== 'admitted' && merchant.status !== 'active') throw refuse();
  const noticeAt = input.noticeAt ? new Date(input.noticeAt) : context.now;
  const exitAt = new Date(noticeAt.getTime() + input.noticeDays * dayMs);
  return changed(
    merchant,
    context.now,
    {
      status: 'exiting',
      noticeAt: noticeAt.toISOString(),
      exitAt: exitAt.toISOString(),
      holdDays: input.holdDays,
    },
    { by: context.actorId, what: 'exiting', ...(input.reason ? { detail: input.reason } : {}) },
  );
}

/** The notice has run out: the merchant has left, and its deposit is held for `holdDays`. */
export function markExited(merchant: Merchant, now: Date): Merchant {
  const exitAt = new Date(merchant.exitAt ?? now.toISOString());
  const holdUntil = new Date(exitAt.getTime() + (merchant.holdDays ?? 0) * dayMs);
  return changed(
    merchant,
    now,
    { status: 'exited', exitedAt: now.toISOString(), holdUntil: holdUntil.toISOString() },
    { by: 'timer', what: 'exited' },
  );
}

export function markHoldEnded(merchant: Merchant, now: Date): Merchant {
  return changed(merchant, now, { holdEndedAt: now.toISOString() }, { by: 'timer', what: 'hold_ended' });
}

/** How an entry moves the balance: out for deductions and refunds, in for the rest. */
export const deltaOf = (kind: DepositEntryKind, amount: number) =>
  debitKinds.includes(kind) ? -amount : amount;

/** The balance a ledger adds up to: the one invariant the merchant's stored balance must keep. */
export const ledgerBalance = (entries: readonly Pick<DepositEntry, 'delta'>[]) =>
  entries.reduce((sum, entry) => sum + entry.delta, 0);
