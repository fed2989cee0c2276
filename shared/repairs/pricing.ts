import { type FieldIssue, invalidInput } from '../errors';
import type { PriceLineInput } from './schema';
import { money, say } from './texts';
import type { RepairCase, RepairCharges, RepairPriceList } from './views';

/*
 * Pricing repairs from the tenant's price list (维修价目表). Pure: the price list and the case
 * as read come in, the priced lines and why they are (or are not) charged come out. In warranty
 * (三包 art. 6; furniture: free of material, labour and transport) the lines keep their list
 * prices so the customer sees what the work is worth, and the total is 0.
 */

/** The price list a tenant has before saving one: no items, no inspection fee (version 0). */
export const emptyPriceList: RepairPriceList = { items: [], inspectionFee: 0, currency: 'CNY', version: 0 };

/** Why a case is free or charged, in words a desk can read out (Chinese first, English after). */
export function chargeBasis(repair: Pick<RepairCase, 'mode' | 'charge' | 'warranty' | 'exemption'>): string {
  const key =
    repair.mode === 'parts'
      ? 'basisParts'
      : repair.exemption
        ? 'basisExempt'
        : repair.charge === 'free'
          ? 'basisFree'
          : 'basisPaid';
  return say(key, { lastDay: repair.warranty.lastDay, exemption: repair.exemption ?? '' });
}

/**
 * Prices lines from the price list: each code must be on it (else a field problem per unknown
 * line, under `path`); a code given twice is one line with the quantities added.
 */
export function priceLines(
  priceList: RepairPriceList,
  lines: readonly PriceLineInput[],
  charge: { free: boolean; basis: string },
  path: string,
): RepairCharges {
  const issues: FieldIssue[] = [];
  const merged = new Map<string, number>();
  lines.forEach((line, index) => {
    if (!priceList.items.some((item) => item.code === line.code)) {
      issues.push({
        in: 'body',
        path: `${path}.${index}.code`,
        message: say('notOnList', { code: line.code, version: priceList.version }),
      });
      return;
    }
    merged.set(line.code, (merged.get(line.code) ?? 0) + line.quantity);
  });
  if (issues.length > 0) throw invalidInput(issues);
  const priced = [...merged].map(([code, quantity]) => {
    const item = priceList.items.find((candidate) => candidate.code === code);
    if (!item) throw new Error(`price list item ${code} vanished`);
    return {
      code,
      name: item.name,
      kind: item.kind,
      unitAmount: item.amount,
      quantity,
      amount: item.amount * quantity,
    };
  });
  const listTotal = priced.reduce((sum, line) => sum + line.amount, 0);
  return {
    lines: priced,
    listTotal,
    total: charge.free ? 0 : listTotal,
    free: charge.free,
    basis: charge.basis,
    currency: priceList.currency,
    priceListVersion: priceList.version,
  };
}

/**
 * The payment recorded against an amount due: none when nothing is due, exactly the amount in
 * the amount's currency otherwise. Returns the field problems (empty when it matches).
 */
export function paymentProblems(
  due: { amount: number; currency: string },
  payment: { amount: number; currency: string } | undefined,
  what: string,
): FieldIssue[] {
  const owed = money(due.amount, due.currency);
  if (due.amount === 0) {
    return payment ? [{ in: 'body', path: 'payment', message: say('nothingToPay', { what }) }] : [];
  }
  if (!payment) return [{ in: 'body', path: 'payment', message: say('recordPayment', { what, owed }) }];
  const issues: FieldIssue[] = [];
  if (payment.currency !== due.currency) {
    issues.push({ in: 'body', path: 'payment.currency', message: say('wrongCurrency', { what, ...due }) });
  }
  if (payment.amount !== due.amount) {
    issues.push({
      in: 'body',
      path: 'payment.amount',
      message: say('wrongAmount', { what, owed, amount: money(payment.amount, payment.currency) }),
    });
  }
  return issues;
}
