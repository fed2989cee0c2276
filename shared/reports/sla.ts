import { addCounters, type Counters } from './counters';
import type { SlaReport, SlaReportRow } from './views';

/*
 * SLA report: per store and local day, each clock met (answered or resolved before its breach)
 * and breached (the timer's breach), warned and escalated, from the store-day items: O(days).
 * A ticket that breached is counted on the day it breached; one met, on the day it was met.
 */

/** The local dates from `from` to `to`, inclusive (YYYY-MM-DD). */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let at = Date.parse(from); at <= Date.parse(to); at += 86_400_000) {
    dates.push(new Date(at).toISOString().slice(0, 10));
  }
  return dates;
}

const rate = (met: number, breached: number) =>
  met + breached > 0 ? Math.round((met / (met + breached)) * 1000) / 1000 : null;

export function slaRow(day: string, counters: Readonly<Counters>): SlaReportRow {
  const n = (name: string) => counters[name] ?? 0;
  return {
    day,
    firstResponseMet: n('sla.firstResponse.met'),
    firstResponseBreached: n('sla.firstResponse.breached'),
    firstResponseWarned: n('sla.firstResponse.warned'),
    firstResponseMetRate: rate(n('sla.firstResponse.met'), n('sla.firstResponse.breached')),
    resolutionMet: n('sla.resolution.met'),
    resolutionBreached: n('sla.resolution.breached'),
    resolutionWarned: n('sla.resolution.warned'),
    resolutionMetRate: rate(n('sla.resolution.met'), n('sla.resolution.breached')),
    escalations: n('escalations'),
  };
}

export function slaReport(
  store: { id: string; code: string; name: string; timezone: string },
  from: string,
  to: string,
  days: ReadonlyMap<string, Readonly<Counters>>,
): SlaReport {
  const dates = datesBetween(from, to);
  const total: Counters = {};
  for (const date of dates) addCounters(total, days.get(date) ?? {});
  return {
    storeId: store.id,
    storeCode: store.code,
    storeName: store.name,
    timezone: store.timezone,
    from,
    to,
    days: dates.map((date) => slaRow(date, days.get(date) ?? {})),
    total: slaRow('total', total),
  };
}

/** The columns of the file answers, with their Chinese headers. */
export const slaColumns: readonly [keyof SlaReportRow, string][] = [
  ['day', '日期'],
  ['firstResponseMet', '首次响应达标'],
  ['firstResponseBreached', '首次响应超时'],
  ['firstResponseWarned', '首次响应预警'],
  ['firstResponseMetRate', '首次响应达标率'],
  ['resolutionMet', '解决达标'],
  ['resolutionBreached', '解决超时'],
  ['resolutionWarned', '解决预警'],
  ['resolutionMetRate', '解决达标率'],
  ['escalations', '升级次数'],
];
