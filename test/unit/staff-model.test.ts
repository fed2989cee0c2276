import { describe, expect, it } from 'vitest';
import { newStaffMember } from '../../shared/staff/model';

const now = new Date('2026-11-26T09:30:00+08:00');

describe('staff', () => {
  it('builds a staff member from validated input and the injected clock', () => {
    const member = newStaffMember({ name: 'x', roles: ['admin'], storeIds: [] }, 'M1', now);
    expect(member.updatedAt).toBe(now.toISOString());
  });
});
