import {
  _default,
  gte,
  int,
  lte,
  maxLength,
  minLength,
  optional,
  pipe,
  refine,
  regex,
  string,
  transform,
  enum as zEnum,
} from 'zod/mini';
import { exportFormats } from './formats';

/*
 * What every export's query shares: a page of up to 1,000 lines, its cursor and the format; and,
 * for the registers of a period, local days from–to with at most a year between them.
 */

export const maxExportDays = 366;

export const exportPageFields = {
  limit: _default(
    pipe(
      pipe(string().check(regex(/^[0-9]{1,4}$/, 'Expected a whole number 1–1000.')), transform(Number)),
      int().check(gte(1), lte(1000)),
    ),
    500,
  ),
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
