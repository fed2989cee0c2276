import type { Purchase } from '../customers/views';
import type { AfterSalesPolicy, RuleClass } from './schema';

export { localDate } from '../time/local-days';

/*
 * The warranty facts the return rules and the repair desk both stand on: an item's rule class
 * (from its own class or its category, by the tenant's policy), and whether a day is within its
 * warranty (三包有效期 / furniture warranty) counted from the invoice date with the days it spent in
 * repair not counted. Pure: `today` is the store's local date, given.
 */

// ---- dates ------------------------------------------------------------------------------------

const dayMs = 86_400_000;
const toDays = (date: string) =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / dayMs;
const fromDays = (days: number) => new Date(days * dayMs).toISOString().slice(0, 10);

/** Days from `from` to `to` (the day after `from` is day 1). */
export const daysBetween = (from: string, to: string) => toDays(to) - toDays(from);

export const addDays = (date: string, days: number) => fromDays(toDays(date) + days);

/** Same day of the month, M months on; the month's last day when it has no such day. */
export function addMonths(date: string, months: number): string {
  const year = +date.slice(0, 4);
  const month = +date.slice(5, 7) - 1 + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(+date.slice(8, 10), lastDay);
  return new Date(Date.UTC(targetYear, targetMonth, day)).toISOString().slice(0, 10);
}

// ---- classes and warranty ---------------------------------------------------------------------

type Item = Purchase['items'][number];

/** The rule class of an item: its own class wins, then its category's, then the default. */
export function classOf(
  item: Item,
  policy: AfterSalesPolicy,
): { id: string; ruleClass: RuleClass; from: string } {
  if (item.ruleClass && policy.classes[item.ruleClass]) {
    return { id: item.ruleClass, ruleClass: policy.classes[item.ruleClass] as RuleClass, from: 'item' };
  }
  const mapped = policy.categoryClasses[item.category.trim().toLowerCase()];
  const id = mapped && policy.classes[mapped] ? mapped : policy.defaultClass;
  return { id, ruleClass: policy.classes[id] as RuleClass, from: mapped ? 'category' : 'default' };
}

export interface Warranty {
  /** The longer of the class's period and the item's own (months; 0: none). */
  readonly months: number;
  /** The last day covered: invoice date + months + days in repair. */
  readonly lastDay: string;
  readonly inWarranty: boolean;
}

/** A warranty of M months ends on invoice + M months, pushed back by the days in repair. */
export function warrantyOf(
  ruleClass: Pick<RuleClass, 'warrantyMonths'>,
  item: Pick<Item, 'warrantyMonths'>,
  invoiceDate: string,
  daysInRepair: number,
  today: string,
): Warranty {
  const months = Math.max(ruleClass.warrantyMonths, item.warrantyMonths);
  const lastDay = addDays(addMonths(invoiceDate, months), daysInRepair);
  return { months, lastDay, inWarranty: months > 0 && today <= lastDay };
}

export const warrantyBasis =
  '部分商品修理更换退货责任规定 art. 6 / 《家具售后服务要求》: warranty from the invoice date, days in repair not counted';
