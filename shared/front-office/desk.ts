import { assertStoreAccess, type Principal } from '../access/principal';
import type { StaffRole } from '../access/roles';
import { DomainError, ruleRefused } from '../errors';
import { listMemberships } from '../staff/repository';
import { frontOfficeOf } from '../stores/front-office-settings';
import { findStore } from '../stores/repository';

/**
 * The store a ledger entry is written for (the body's `storeId`), if it is the caller's and its
 * front-office ledgers are on (hotels by default, other stores when enabled).
 */
export async function frontOfficeStore(principal: Principal, storeId: string) {
  const store = await findStore(principal.tenantId, storeId);
  if (!store) {
    throw new DomainError('rule_refused', 'store_not_found', 'No such store.', [
      { in: 'body', path: 'storeId', message: 'No such store.' },
    ]);
  }
  assertStoreAccess(principal, storeId);
  const settings = frontOfficeOf(store);
  if (!settings.enabled) {
    throw ruleRefused(
      'front_office_disabled',
      'This store keeps no front-office ledgers; a manager can enable them in the store settings.',
    );
  }
  return { store, settings };
}

/** Duty managers (值班经理): the store's supervisors and managers decide and are escalated to. */
export const dutyManagerRoles: readonly StaffRole[] = ['supervisor', 'manager', 'admin'];

/**
 * Whom a front-office notice goes to: the desk on duty (the store's front desk staff; there is no
 * shift roster yet) or the duty managers (the store's supervisors and managers).
 */
export async function staffToTell(
  tenantId: string,
  storeId: string,
  audience: 'desk' | 'duty_managers',
): Promise<string[]> {
  const roles: readonly StaffRole[] = audience === 'desk' ? ['front_desk'] : ['supervisor', 'manager'];
  const members = await listMemberships(tenantId, storeId);
  return members
    .filter((member) => member.roles.some((role) => roles.includes(role)))
    .map((member) => member.id);
}
