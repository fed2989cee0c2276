import { type Counters, estimateMedian } from './counters';
import { isoWeekMonday } from './schema';
import type { WeeklyRow, WeeklyStoreReport } from './views';

/*
 * 周报表: a store's week from its seven day items (O(days) reads), one row per local day and a
 * total row. Averages are sums over counts; medians are estimated from the fixed buckets (the
 * upper bound of the bucket holding the middle sample, see counters.ts).
 */

/** The seven local dates (YYYY-MM-DD), Monday first, of an ISO week such as `2026-W48`. */
export function daysOfWeek(week: string): string[] {
  const [year, number] = week.split('-W').map(Number) as [number, number];
  const monday = isoWeekMonday(year, number).getTime();
  return Array.from({ length: 7 }, (_, n) => new Date(monday + n * 86_400_000).toISOString().slice(0, 10));
}

const average = (sum: number | undefined, count: number | undefined) =>
  count ? Math.round(((sum ?? 0) / count) * 10) / 10 : null;

/** One row of the report from one day's (or the week's summed) counters. */
export function weeklyRow(day: string, counters: Readonly<Counters>): WeeklyRow {
  const n = (name: string) => counters[name] ?? 0;
  const median = (metric: string) => estimateMedian(counters, metric) ?? null;
  return {
    day,
    opened: n('opened'),
    resolved: n('resolved'),
    closed: n('closed'),
    cancelled: n('cancelled'),
    reopened: n('reopened'),
    firstResponses: n('firstResponse.count'),
    firstResponseAverageMinutes: average(counters['firstResponse.minutes'], counters['firstResponse.count']),
    firstResponseMedianMinutes: median('firstResponse'),
    resolutionAverageMinutes: average(counters['resolution.minutes'], counters['resolution.count']),
    resolutionMedianMinutes: median('resolution'),
    firstResponseSlaMet: n('sla.firstResponse.met'),
    firstResponseSlaBreached: n('sla.firstResponse.breached'),
    resolutionSlaMet: n('sla.resolution.met'),
    resolutionSlaBreached: n('sla.resolution.breached'),
    escalations: n('escalations'),
    revisitsDue: n('revisits.due'),
    revisitsDone: n('revisits.done'),
    revisitsFailed: n('revisits.failed'),
    unreachableAttempts: n('revisits.attempts.unreachable'),
    satisfactionCount: n('satisfaction.count'),
    satisfactionAverage: average(counters['satisfaction.sum'], counters['satisfaction.count']),
  };
}

/** Counters under a prefix (`opened.type.`), by what follows it. */
const breakdown = (counters: Readonly<Counters>, prefix: string) =>
  Object.fromEntries(
    Object.entries(counters)
      .filter(([name, amount]) => name.startsWith(prefix) && amount !== 0)
      .map(([name, amount]) => [name.slice(prefix.length), amount])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );

export function weeklyStoreReport(
  store: { id: string; code: string; name: string; timezone: string },
  week: string,
  days: ReadonlyMap<string, Counters>,
): WeeklyStoreReport {
  const dates = daysOfWeek(week);
  const total: Counters = {};
  for (const date of dates) {
    for (const [name, amount] of Object.entries(days.get(date) ?? {}))
      total[name] = (total[name] ?? 0) + amount;
  }
  return {
    storeId: store.id,
    storeCode: store.code,
    storeName: store.name,
    timezone: store.timezone,
    week,
    from: dates[0] as string,
    to: dates[6] as string,
    days: dates.map((date) => weeklyRow(date, days.get(date) ?? {})),
    total: weeklyRow('total', total),
    openedByType: breakdown(total, 'opened.type.'),
    openedByChannel: breakdown(total, 'opened.channel.'),
    openedByPriority: breakdown(total, 'opened.priority.'),
    satisfactionScores: Object.fromEntries(
      ['1', '2', '3', '4', '5'].map((score) => [score, total[`satisfaction.${score}`] ?? 0]),
    ),
  };
}

/** The columns of the file answers, with their Chinese headers (Excel users read these). */
export const weeklyColumns: readonly [keyof WeeklyRow, string][] = [
  ['day', '日期'],
  ['opened', '新建工单'],
  ['resolved', '已解决'],
  ['closed', '已关闭'],
  ['cancelled', '已取消'],
  ['reopened', '重新打开'],
  ['firstResponses', '首次响应数'],
  ['firstResponseAverageMinutes', '平均首次响应(工作分钟)'],
  ['firstResponseMedianMinutes', '首次响应中位数(工作分钟,估)'],
  ['resolutionAverageMinutes', '平均解决时长(工作分钟)'],
  ['resolutionMedianMinutes', '解决时长中位数(工作分钟,估)'],
  ['firstResponseSlaMet', '首次响应达标'],
  ['firstResponseSlaBreached', '首次响应超时'],
  ['resolutionSlaMet', '解决达标'],
  ['resolutionSlaBreached', '解决超时'],
  ['escalations', '升级次数'],
  ['revisitsDue', '回访到期'],
  ['revisitsDone', '回访完成'],
  ['revisitsFailed', '回访失败'],
  ['unreachableAttempts', '联系不上次数'],
  ['satisfactionCount', '满意度评价数'],
  ['satisfactionAverage', '平均满意度'],
];
