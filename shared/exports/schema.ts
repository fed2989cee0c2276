import { _default, type infer as Infer, strictObject, enum as zEnum } from 'zod/mini';
import { isoDate, ulid } from '../schema/common';
import { exportFormats } from './formats';
import { exportPageFields, maxExportDays, periodChecks } from './paging';

/*
 * INPUT schemas of the registers of a period (登记表): a store's local days from–to, inclusive,
 * at most a year; each a page of up to 1,000 lines with its cursor, as JSON, CSV or XLSX.
 */

const periodOfStore = { storeId: ulid, from: isoDate, to: isoDate };
const registerQuery = () =>
  strictObject({ ...periodOfStore, ...exportPageFields }).check(...periodChecks(maxExportDays));

/** 无理由退货处理单: the cases registered on the period's days. */
export const exportReturnRegisterQuery = registerQuery();
export type ExportReturnRegisterQuery = Infer<typeof exportReturnRegisterQuery>;

/** 无理由退货处理汇总表: one row per day and the total; read from the aggregates, so never paged. */
export const exportReturnSummaryQuery = strictObject({
  ...periodOfStore,
  format: _default(zEnum(exportFormats), 'json'),
}).check(...periodChecks(maxExportDays));
export type ExportReturnSummaryQuery = Infer<typeof exportReturnSummaryQuery>;

/** 消费者投诉处理登记表: the complaints registered on the period's days. */
export const exportComplaintRegisterQuery = registerQuery();
export type ExportComplaintRegisterQuery = Infer<typeof exportComplaintRegisterQuery>;

/** 售后服务先行赔偿审批表: the claims requested on the period's days. */
export const exportCompensationApprovalsQuery = registerQuery();
export type ExportCompensationApprovalsQuery = Infer<typeof exportCompensationApprovalsQuery>;

/** 回访登记表: the revisits due on the period's days, whatever their status. */
export const exportRevisitRegisterQuery = registerQuery();
export type ExportRevisitRegisterQuery = Infer<typeof exportRevisitRegisterQuery>;
