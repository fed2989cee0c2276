import { enum as zEnum } from 'zod/mini';

/** Staff roles, from the front desk up. `admin` is the only tenant-wide role. */
export const staffRoles = [
  'front_desk',
  'complaint_handler',
  'technician',
  'supervisor',
  'manager',
  'admin',
] as const;
export type StaffRole = (typeof staffRoles)[number];
export const staffRoleSchema = zEnum(staffRoles);

/** Roles that may hand work out (the desk dispatches, per the IT desk job description). */
export const dispatcherRoles: readonly StaffRole[] = ['front_desk', 'supervisor', 'manager', 'admin'];

export const supervisorsUp: readonly StaffRole[] = ['supervisor', 'manager', 'admin'];
