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
