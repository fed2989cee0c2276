import type { CreateStaffInput } from './schema';
import type { StaffMember } from './views';

export function newStaffMember(input: CreateStaffInput, id: string, now: Date): StaffMember {
  const at = now.toISOString();
  return { ...input, id, createdAt: at, updatedAt: at, version: 1 };
}
