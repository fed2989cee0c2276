import { addCounters, type Counters, estimateMedian } from './counters';
import { isoWeekMonday } from './schema';
import type { HeadlineFigures, WeeklyRow, WeeklyStoreReport } from './views';

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

/** The report's figures from a stretch of days' summed counters (a day, a week, a store's range). */
export function headlineFiguresOf(counters: Readonly<Counters>): HeadlineFigures {
  const n = (name: string) => counters[name] ?? 0;
  const median = (metric: string) => estimateMedian(counters, metric) ?? null;
  return {
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
    returnsOpened: n('returns.opened.return'),
    exchangesOpened: n('returns.opened.exchange'),
    returnsRefunded: n('returns.outcome.refund'),
    returnsExchanged: n('returns.outcome.exchange'),
    returnsToRepair: n('returns.outcome.repair'),
    returnsRefused: n('returns.outcome.refused'),
    refundedAmount: n('returns.refunded.amount'),
    repairsOnSite: n('repairs.opened.on_site'),
    repairsMailIn: n('repairs.opened.mail_in'),
    repairsParts: n('repairs.opened.parts'),
    repairsFinished: n('repairs.finished'),
    complaintsOpened: n('complaints.opened'),
    complaintsValid: n('complaints.validity.valid'),
    complaintsPartlyValid: n('complaints.validity.partly_valid'),
    complaintsNotValid: n('complaints.validity.not_valid'),
    compensationClaims: n('compensation.claimed'),
    compensationClaimedAmount: n('compensation.claimed.amount'),
    compensationApprovedAmount: n('compensation.approved.amount'),
    compensationPaidAmount: n('compensation.paid.amount'),
    compensationRecoveredAmount: n('compensation.recovered.amount'),
    wakeUpCallsRequested: n('wakeUps.requested'),
    wakeUpCallsDone: n('wakeUps.done'),
    wakeUpCallsEscalated: n('wakeUps.escalated'),
    messagesTaken: n('messages.taken'),
    messagesDelivered: n('messages.delivered'),
    luggageStored: n('luggage.stored'),
    luggagePickedUp: n('luggage.picked_up'),
    lostItemsFound: n('lostItems.found'),
    lostItemsClaimed: n('lostItems.claimed'),
    loansLent: n('loans.lent'),
    loansReturned: n('loans.returned'),
    safeBoxesOpened: n('safeBoxes.opened'),
    safeBoxesAccessed: n('safeBoxes.accessed'),
    safeBoxesClosed: n('safeBoxes.closed'),
  };
}

/** One row of the report from one day's (or the week's summed) counters. */
export function weeklyRow(day: string, counters: Readonly<Counters>): WeeklyRow {
  return { day, ...headlineFiguresOf(counters) };
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
  for (const date of dates) addCounters(total, days.get(date) ?? {});
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

/** The figures' columns in the file answers, with their Chinese headers (Excel users read these). */
export const headlineColumns: readonly [keyof HeadlineFigures, string][] = [
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
  ['returnsOpened', '退货申请'],
  ['exchangesOpened', '换货申请'],
  ['returnsRefunded', '已退款'],
  ['returnsExchanged', '已换货'],
  ['returnsToRepair', '转维修'],
  ['returnsRefused', '拒绝退换'],
  ['refundedAmount', '退款金额(分)'],
  ['repairsOnSite', '上门维修'],
  ['repairsMailIn', '寄修'],
  ['repairsParts', '配件'],
  ['repairsFinished', '维修完成'],
  ['complaintsOpened', '投诉登记'],
  ['complaintsValid', '投诉属实'],
  ['complaintsPartlyValid', '投诉部分属实'],
  ['complaintsNotValid', '投诉不属实'],
  ['compensationClaims', '先行赔付申请'],
  ['compensationClaimedAmount', '申请赔付金额(分)'],
  ['compensationApprovedAmount', '批准赔付金额(分)'],
  ['compensationPaidAmount', '已赔付金额(分)'],
  ['compensationRecoveredAmount', '向商户追偿金额(分)'],
  ['wakeUpCallsRequested', '叫醒登记'],
  ['wakeUpCallsDone', '叫醒完成'],
  ['wakeUpCallsEscalated', '叫醒漏叫'],
  ['messagesTaken', '留言登记'],
  ['messagesDelivered', '留言送达'],
  ['luggageStored', '行李寄存'],
  ['luggagePickedUp', '行李提取'],
  ['lostItemsFound', '拾遗登记'],
  ['lostItemsClaimed', '失物认领'],
  ['loansLent', '物品借出'],
  ['loansReturned', '借物归还'],
  ['safeBoxesOpened', '保险箱开箱'],
  ['safeBoxesAccessed', '保险箱存取'],
  ['safeBoxesClosed', '保险箱退箱'],
];

/** The weekly report's columns: the day, then the figures. */
export const weeklyColumns: readonly [keyof WeeklyRow, string][] = [['day', '日期'], ...headlineColumns];
