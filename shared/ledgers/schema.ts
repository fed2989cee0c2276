import {
  _default,
  gte,
  type infer as Infer,
  int,
  lte,
  maxLength,
  minLength,
  optional,
  pipe,
  refine,
  regex,
  strictObject,
  string,
  transform,
  enum as zEnum,
} from 'zod/mini';
import { exportFormats } from '../exports/formats';
import { isoDate, ulid } from '../schema/common';
import { ticketType } from '../schema/ticket-vocabulary';

/*
 * Ledger and register exports (台账, 登记表): INPUT schemas. An export is paged like a list, with
 * larger pages (up to 1,000 lines): never the whole history in one answer.
 */

export const maxLedgerDays = 366;

const exportPageFields = {
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

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** 服务台台账: a store's tickets opened on the local days from–to (inclusive), optionally of one type. */
export const exportLedgerQuery = strictObject({
  storeId: ulid,
  from: isoDate,
  to: isoDate,
  type: optional(ticketType),
  ...exportPageFields,
}).check(
  refine((query) => query.from <= query.to, { message: 'Must not be before from.', path: ['to'] }),
  refine((query) => daysBetween(query.from, query.to) < maxLedgerDays, {
    message: `At most ${maxLedgerDays} days.`,
    path: ['to'],
  }),
);
export type ExportLedgerQuery = Infer<typeof exportLedgerQuery>;

/** A store's register (设备管理表, 人员管理表). */
export const exportRegisterQuery = strictObject({ storeId: ulid, ...exportPageFields });
export type ExportRegisterQuery = Infer<typeof exportRegisterQuery>;
