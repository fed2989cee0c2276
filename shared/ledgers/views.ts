import {
  array,
  type infer as Infer,
  nullable,
  number,
  optional,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { staffRoleSchema } from '../access/roles';
import { equipment } from '../equipment/views';
import { ulid } from '../schema/common';
import { ticketChannels, ticketPriority, ticketStatus, ticketType } from '../schema/ticket-vocabulary';
import { ledgerStatuses } from './labels';

/*
 * OUTPUT schemas of the ledger and register exports as JSON (the CSV and XLSX carry the same
 * lines under Chinese headers). Runtime code imports them with `import type` only.
 */

const storeFields = { storeId: ulid, storeCode: string(), storeName: string(), timezone: string() };

/** One line of the 服务台台账: a ticket as the template records it; times local to the store. */
export const ledgerLine = strictObject({
  ticketId: ulid,
  number: string(),
  /** 登记时间, `YYYY-MM-DD HH:mm` in the store's zone. */
  openedAt: string(),
  customerName: optional(string()),
  /** 联系方式: the contact's phone, else their e-mail. */
  contact: optional(string()),
  type: ticketType,
  channel: zEnum(ticketChannels),
  priority: ticketPriority,
  subject: string(),
  description: string(),
  status: ticketStatus,
  /** 未处理 / 处理中 / 已解决 (已取消 for a cancelled ticket). */
  ledgerStatus: zEnum(ledgerStatuses),
  assigneeName: optional(string()),
  firstRespondedAt: optional(string()),
  resolvedAt: optional(string()),
  resolution: optional(string()),
  closedAt: optional(string()),
  reopenCount: number(),
});
export type LedgerLine = Infer<typeof ledgerLine>;

export const ledgerPage = strictObject({
  ...storeFields,
  from: string(),
  to: string(),
  type: optional(ticketType),
  items: array(ledgerLine),
  cursor: nullable(string()),
});
export type LedgerPage = Infer<typeof ledgerPage>;

/** One line of the 人员管理表. */
export const staffRegisterLine = strictObject({
  staffId: ulid,
  name: string(),
  roles: array(staffRoleSchema),
  phone: optional(string()),
  email: optional(string()),
  /** 登记日期, the store's local day the member was entered. */
  registeredOn: string(),
});
export type StaffRegisterLine = Infer<typeof staffRegisterLine>;

export const staffRegisterPage = strictObject({
  ...storeFields,
  items: array(staffRegisterLine),
  cursor: nullable(string()),
});
export type StaffRegisterPage = Infer<typeof staffRegisterPage>;

/** 设备管理表 lines are the equipment items themselves. */
export const equipmentRegisterPage = strictObject({
  ...storeFields,
  items: array(equipment),
  cursor: nullable(string()),
});
export type EquipmentRegisterPage = Infer<typeof equipmentRegisterPage>;
