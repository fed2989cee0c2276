import { type infer as Infer, optional, strictObject } from 'zod/mini';
import { exportPageFields, maxExportDays, periodChecks } from '../exports/paging';
import { isoDate, ulid } from '../schema/common';
import { ticketType } from '../schema/ticket-vocabulary';

/*
 * Ledger and register exports (台账, 登记表): INPUT schemas. An export is paged like a list, with
 * larger pages (up to 1,000 lines): never the whole history in one answer.
 */

export const maxLedgerDays = maxExportDays;

/** 服务台台账: a store's tickets opened on the local days from–to (inclusive), optionally of one type. */
export const exportLedgerQuery = strictObject({
  storeId: ulid,
  from: isoDate,
  to: isoDate,
  type: optional(ticketType),
  ...exportPageFields,
}).check(...periodChecks(maxLedgerDays));
export type ExportLedgerQuery = Infer<typeof exportLedgerQuery>;

/** A store's register (设备管理表, 人员管理表). */
export const exportRegisterQuery = strictObject({ storeId: ulid, ...exportPageFields });
export type ExportRegisterQuery = Infer<typeof exportRegisterQuery>;
