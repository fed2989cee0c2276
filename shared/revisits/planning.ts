import { TZDate } from '@date-fns/tz';
import { addBusinessMinutes, addWorkingDays } from '../calendar/business-time';
import type { BusinessCalendar } from '../calendar/views';
import type { Purchase } from '../customers/views';
import { revisitRuleDefaults } from './defaults';
import type { RevisitKind, RevisitRules } from './schema';

/**
 * When revisits fall due. Pure: rules, calendar and `now` in, due times out. A revisit is due at
 * the store's opening on its day (or the next opening, if the store is closed that day).
 */
export interface PlannedRevisit {
  readonly kind: RevisitKind;
  readonly dueAt: Date;
  readonly note?: string;
}

/** Most revisits one purchase may plan: they are written in the purchase's own transaction. */
export const maxPlannedRevisits = 30;

const parseDay = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return { year: year ?? 1970, month: (month ?? 1) - 1, date: date ?? 1 };
};

const isoDay = (utc: Date) => utc.toISOString().slice(0, 10);

/** Calendar-day arithmetic on YYYY-MM-DD; months clamp to the month's end (Jan 31 + 1 month = Feb 28). */
export function addToDay(day: string, change: { days?: number; months?: number }): string {
  const { year, month, date } = parseDay(day);
  const targetMonth = month + (change.months ?? 0);
  const lastOfMonth = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate();
  return isoDay(new Date(Date.UTC(year, targetMonth, Math.min(date, lastOfMonth) + (change.days ?? 0))));
}

/** The store's first opening on or after the start of that local day. */
export function openingOn(calendar: BusinessCalendar, day: string): Date {
  const { year, month, date } = parseDay(day);
  return addBusinessMinutes(
    calendar,
    new Date(new TZDate(year, month, date, 0, 0, calendar.timezone).getTime()),
    0,
  );
}

export function planPurchaseRevisits(
  purchase: Pick<Purchase, 'purchasedOn' | 'deliveredOn' | 'items'>,
  rules: RevisitRules,
  calendar: BusinessCalendar,
  now: Date,
): PlannedRevisit[] {
  const handedOver = purchase.deliveredOn ?? purchase.purchasedOn;
  const planned: PlannedRevisit[] = [];
  if (rules.postSale.enabled) {
    const due = openingOn(calendar, addToDay(handedOver, { days: rules.postSale.daysAfterDelivery }));
    // Recorded late: call now rather than never.
    planned.push({ kind: 'post_sale', dueAt: due < now ? now : due });
  }
  const warrantyEnds = [
    ...new Set(purchase.items.filter((item) => item.warrantyMonths > 0).map((item) => item.warrantyMonths)),
  ]
    .sort((a, b) => a - b)
    .map((months) => addToDay(handedOver, { months }));
  if (rules.warrantyExpiry.enabled) {
    for (const end of new Set(warrantyEnds)) {
      const due = openingOn(calendar, addToDay(end, { days: -rules.warrantyExpiry.daysBeforeEnd }));
      if (due > now) planned.push({ kind: 'warranty_expiry', dueAt: due, note: `保修期至 ${end}` });
    }
  }
  const longest = warrantyEnds.at(-1);
  if (rules.periodic.enabled && longest) {
    const stopBefore = addToDay(longest, { days: -rules.warrantyExpiry.daysBeforeEnd });
    for (let step = 1; ; step++) {
      const day = addToDay(handedOver, { months: step * rules.periodic.everyMonths });
      if (day >= stopBefore || planned.length >= maxPlannedRevisits) break;
      const due = openingOn(calendar, day);
      if (due > now) planned.push({ kind: 'periodic', dueAt: due });
    }
  }
  return planned.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).slice(0, maxPlannedRevisits);
}

/** After a service: the start of business on the N-th working day after resolution. */
export function planPostService(rules: RevisitRules, calendar: BusinessCalendar, resolvedAt: Date): Date {
  return addWorkingDays(calendar, resolvedAt, rules.postService.workingDaysAfterResolution);
}

/** What a tenant runs on before saving rules: the defaults the rules' schema also fills in. */
export const defaultRevisitRules: RevisitRules = { ...revisitRuleDefaults, version: 0 };
