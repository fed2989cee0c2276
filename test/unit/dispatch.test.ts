import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../shared/access/roles';
import { chooseAssignee, serviceCenterReason } from '../../shared/tickets/dispatch';

describe('dispatch', () => {
  const tech = (staffId: string, openTickets: number, lastAssignedAt?: string) => ({
    staffId,
    userId: `sub-${staffId}`,
    roles: ['technician'] as StaffRole[],
    openTickets,
    lastAssignedAt,
  });

  it('picks the eligible person with the fewest open tickets', () => {
    const desk = { staffId: 'D', userId: 'sub-D', roles: ['front_desk'] as StaffRole[], openTickets: 0 };
    expect(chooseAssignee('repair', [tech('A', 3), tech('B', 1), desk])?.staffId).toBe('B');
    expect(chooseAssignee('complaint', [tech('A', 0)])).toBeUndefined();
  });

  it('passes over members without a linked sign-in, who could not act on the ticket', () => {
    const unlinked = { ...tech('U', 0), userId: undefined };
    expect(chooseAssignee('repair', [tech('A', 3), unlinked])?.staffId).toBe('A');
    expect(chooseAssignee('repair', [unlinked])).toBeUndefined();
  });

  it('breaks ties round robin: whoever got a ticket longest ago, never-assigned first', () => {
    const team = [tech('A', 1, '2026-11-26T01:00:00Z'), tech('B', 1, '2026-11-26T00:00:00Z'), tech('C', 1)];
    expect(chooseAssignee('repair', team)?.staffId).toBe('C');
    expect(chooseAssignee('repair', team.slice(0, 2))?.staffId).toBe('B');
  });

  it('serviceCenterReason: after-sales (return, exchange, repair) of an exited merchant’s goods go to the service center; an exiting or active merchant, or another ticket type, do not', () => {
    for (const type of ['return', 'exchange', 'repair'] as const) {
      expect(serviceCenterReason(type, { status: 'exited' })).toBe('merchant_exited');
    }
    for (const status of ['admitted', 'active', 'exiting'] as const) {
      expect(serviceCenterReason('return', { status })).toBeUndefined();
    }
    for (const type of ['complaint', 'compensation', 'inquiry', 'installation'] as const) {
      expect(serviceCenterReason(type, { status: 'exited' })).toBeUndefined();
    }
    expect(serviceCenterReason('repair', undefined)).toBeUndefined();
  });
});
