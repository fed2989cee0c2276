import { _default, maxLength, minLength, optional, refine, string, enum as zEnum } from 'zod/mini';
import { pageLimit } from '../schema/common';
import { exportFormats } from './formats';

/*
 * What every export's query shares: a page of up to 1,000 lines, its cursor and the format; and,
 * for the registers of a period, local days from–to with at most a year between them.
 */

export const maxExportDays = 366;

export const exportPageFields = {
  limit: pageLimit(1000, 500),
  cursor: optional(string().check(minLength(1), maxLength(2048))),
  format: _default(zEnum(exportFormats), 'json'),
};

interface Period {
  readonly from: string;
  readonly to: string;
}

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** The checks of a period of local days (both dates already valid): `to` not before `from`, ≤ `maxDays`. */
export const periodChecks = (maxDays: number) =>
  [
    refine<Period>((query) => query.from <= query.to, {
      message: 'Must not be before from.',
      path: ['to'],
    }),
    refine<Period>((query) => daysBetween(query.from, query.to) < maxDays, {
      message: `At most ${maxDays} days.`,
      path: ['to'],
    }),
  ] as const;
