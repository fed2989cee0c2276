import { conflict, ruleRefused } from '../errors';
import type { LedgerRule } from './repository';
import type { Merchant } from './views';

/**
 * Why DynamoDB refused a ledger move's condition, told from the merchant as read right after.
 * Undefined when the merchant now allows it (it changed in between): the caller may try again.
 */
export function whyMoveRefused(
  merchant: Merchant,
  rule: LedgerRule,
  amount: number,
  now: Date,
): Error | undefined {
  if (rule === 'credit' && merchant.status === 'exited') {
    return ruleRefused('merchant_exited', 'The merchant has exited: its deposit takes no more money.');
  }
  if (rule === 'refund') {
    if (merchant.openClaims > 0) {
      return ruleRefused(
        'refund_blocked_open_claims',
        `${merchant.openClaims} compensation claim(s) against the merchant are open; refund after they close.`,
      );
    }
    if (merchant.status === 'exiting') {
      return ruleRefused(
        'refund_blocked_hold',
        `The merchant is exiting; its deposit is held until ${merchant.holdDays ?? 0} days after it leaves.`,
      );
    }
    if (merchant.status === 'exited' && (merchant.holdUntil ?? '') > now.toISOString()) {
      return ruleRefused(
        'refund_blocked_hold',
        `The deposit is held for after-sales claims until ${merchant.holdUntil}.`,
      );
    }
  }
  if ((rule === 'debit' || rule === 'refund') && merchant.depositBalance < amount) {
    return ruleRefused(
      'deposit_insufficient',
      `The deposit holds ${merchant.depositBalance} fen; ${amount} fen cannot be taken from it.`,
    );
  }
  return undefined;
}

/** A ledger reference already booked with a different entry. */
export const referenceTaken = (reference: string) =>
  conflict(
    'deposit_reference_taken',
    `Reference ${reference.slice(0, 64)} is already booked in this ledger with another entry.`,
  );
