import { addCounters, type Counters, estimateMedian } from './counters';
import type { MonthlyStaffAssessment, MonthlyStaffRow } from './views';

/*
 * 月考核表: a store's staff for one month, from their staff-day items (O(staff × days) reads) and
 * the store's day items (O(days): complaints against a staff member are kept there, by staff id,
 * because the person complained about is not the one who registered the complaint).
 */

/** The local dates (YYYY-MM-DD) of a month such as `2026-11`. */
export function daysOfMonth(month: string): string[] {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const length = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return Array.from({ length }, (_, n) => `${month}-${String(n + 1).padStart(2, '0')}`);
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
const average = (sum: number, count: number) => (count > 0 ? Math.round((sum / count) * 10) / 10 : null);

/** A person as the assessment names them: a directory entry, an identity that acted, or both. */
export interface AssessedPerson {
  readonly staffId?: string | undefined;
  readonly userId?: string | undefined;
  readonly name?: string | undefined;
}

/** One row from a month's summed counters and the complaints registered against the person. */
export function monthlyRow(
  person: AssessedPerson,
  counters: Readonly<Counters>,
  complaintsAgainst: number,
): MonthlyStaffRow {
  const n = (name: string) => counters[name] ?? 0;
  const scores = n('satisfaction.count') + n('complaints.satisfaction.count');
  const done = n('revisits.done');
  const failed = n('revisits.failed');
  return {
    staffId: person.staffId ?? null,
    userId: person.userId ?? null,
    name: person.name ?? null,
    handled: n('resolved'),
    resolvedWithSla: n('sla.resolution.resolved'),
    resolvedOnTime: n('sla.resolution.met'),
    onTimeRate: rate(n('sla.resolution.met'), n('sla.resolution.resolved')),
    firstResponses: n('firstResponse.count'),
    firstResponseMedianMinutes: estimateMedian(counters, 'firstResponse') ?? null,
    satisfactionCount: scores,
    satisfactionAverage: average(n('satisfaction.sum') + n('complaints.satisfaction.sum'), scores),
    revisitsDone: done,
    revisitsFailed: failed,
    revisitCompletionRate: rate(done, done + failed),
    complaintsAgainst,
  };
}

const againstPrefix = 'complaints.against.';

export function monthlyStaffAssessment(
  store: { id: string; code: string; name: string; timezone: string },
  month: string,
  directory: readonly AssessedPerson[],
  staffDays: readonly { userId: string; counters: Readonly<Counters> }[],
  storeDays: ReadonlyMap<string, Readonly<Counters>>,
): MonthlyStaffAssessment {
  const dates = daysOfMonth(month);
  const byUser = new Map<string, Counters>();
  for (const { userId, counters } of staffDays)
    byUser.set(userId, addCounters(byUser.get(userId) ?? {}, counters));
  const storeTotal: Counters = {};
  for (const date of dates) addCounters(storeTotal, storeDays.get(date) ?? {});
  const against = (staffId: string | undefined) =>
    staffId ? (storeTotal[`${againstPrefix}${staffId}`] ?? 0) : 0;

  const people: AssessedPerson[] = [...directory];
  const linked = new Set(directory.flatMap((person) => (person.userId ? [person.userId] : [])));
  // Someone who acted without (or no longer with) a directory entry in this store still has a row.
  for (const userId of byUser.keys()) if (!linked.has(userId)) people.push({ userId });
  const rows = people
    .map((person) =>
      monthlyRow(person, person.userId ? (byUser.get(person.userId) ?? {}) : {}, against(person.staffId)),
    )
    .sort(
      (a, b) =>
        (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'zh') ||
        (a.userId ?? a.staffId ?? '').localeCompare(b.userId ?? b.staffId ?? ''),
    );
  const allAgainst = Object.entries(storeTotal)
    .filter(([name]) => name.startsWith(againstPrefix))
    .reduce((sum, [, amount]) => sum + amount, 0);
  return {
    storeId: store.id,
    storeCode: store.code,
    storeName: store.name,
    timezone: store.timezone,
    month,
    from: dates[0] as string,
    to: dates[dates.length - 1] as string,
    staff: rows,
    store: { ...monthlyRow({ name: store.name }, storeTotal, allAgainst), staffId: null, userId: null },
  };
}

/** The columns of the file answers, with their Chinese headers (Excel users read these). */
export const monthlyColumns: readonly [keyof MonthlyStaffRow, string][] = [
  ['name', '员工'],
  ['staffId', '员工编号'],
  ['userId', '登录账号'],
  ['handled', '处理工单数'],
  ['resolvedWithSla', '有时限的解决数'],
  ['resolvedOnTime', '按时解决数'],
  ['onTimeRate', '按时解决率'],
  ['firstResponses', '首次响应数'],
  ['firstResponseMedianMinutes', '首次响应中位数(工作分钟,估)'],
  ['satisfactionCount', '满意度评价数'],
  ['satisfactionAverage', '平均满意度'],
  ['revisitsDone', '回访完成'],
  ['revisitsFailed', '回访失败'],
  ['revisitCompletionRate', '回访完成率'],
  ['complaintsAgainst', '被投诉次数'],
];
