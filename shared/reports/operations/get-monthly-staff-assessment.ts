import { assertStoreAccess, type Principal } from '../../access/principal';
import { notFound } from '../../errors';
import { listMemberships } from '../../staff/repository';
import { findStore } from '../../stores/repository';
import { daysOfMonth, monthlyStaffAssessment } from '../monthly';
import { readStaffDays, readStoreDays } from '../repository';
import type { GetMonthlyStaffAssessmentQuery } from '../schema';
import { readsWholeChain } from '../scope';
import type { MonthlyStaffAssessment } from '../views';

/**
 * 月考核表: a store's staff for a month of its local days, from the staff-day and store-day
 * aggregates and the store's directory: O(staff × days) items, never the tickets.
 */
export async function getMonthlyStaffAssessment(
  principal: Principal,
  query: GetMonthlyStaffAssessmentQuery,
): Promise<MonthlyStaffAssessment> {
  // Out of scope before anything is read: nothing tells a supervisor whether another store exists.
  if (!readsWholeChain(principal)) assertStoreAccess(principal, query.storeId);
  const store = await findStore(principal.tenantId, query.storeId);
  if (!store) throw notFound('store');
  const dates = daysOfMonth(query.month);
  const from = dates[0] as string;
  const to = dates[dates.length - 1] as string;
  const [members, staffDays, storeDays] = await Promise.all([
    listMemberships(principal.tenantId, store.id),
    readStaffDays(principal.tenantId, store.id, from, to),
    readStoreDays(principal.tenantId, store.id, from, to),
  ]);
  const directory = members.map((member) => ({
    staffId: member.id,
    userId: member.userId,
    name: member.name,
  }));
  return monthlyStaffAssessment(store, query.month, directory, staffDays, storeDays);
}
