import { describe, expect, it } from 'vitest';
import { roundTheClock } from '../../shared/calendar/business-time';
import {
  type Actor,
  applyDecision,
  applyPayment,
  applyRecovery,
  applySettlement,
  newClaim,
  outstanding,
  reminderDue,
} from '../../shared/compensation/model';
import {
  approvalLevelFor,
  canApproveStep,
  defaultCompensationPolicy,
} from '../../shared/compensation/policy';
import type { CompensationClaim } from '../../shared/compensation/views';
import { DomainError } from '../../shared/errors';

const now = new Date('2026-12-01T02:00:00Z');
const ids = ['01KB0000000000000000000001', '01KB0000000000000000000002'];
const requester: Actor = { userId: 'desk-1', roles: ['front_desk'] };

function claimOf(amount: number): CompensationClaim {
  return newClaim(
    {
      ticketId: ids[0] ?? '',
      merchantId: ids[1] ?? '',
      amount,
      reason: 'crack',
      beneficiary: { name: 'Li' },
    },
    {
      id: '01KB0000000000000000000003',
      actor: requester,
      now,
      ticket: { id: ids[0] ?? '', number: 'SH01-20261201-0001', storeId: '01KB0000000000000000000004' },
      merchant: { id: ids[1] ?? '', name: '林氏木业' },
      approvalLevel: approvalLevelFor(defaultCompensationPolicy, amount),
      reminderDueAt: '2026-12-01T10:00:00.000Z',
    },
  );
}

const approve = { decision: 'approve' } as const;
const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'ok';
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
};

/** Amount bands of the default policy, each at its edges. */
const bands = [
  { label: '≤ ¥500', amounts: [1, 50_000], steps: ['supervisor'] },
  { label: '≤ ¥5,000', amounts: [50_001, 500_000], steps: ['manager'] },
  { label: '> ¥5,000', amounts: [500_001, 800_000], steps: ['manager', 'admin'] },
] as const;

const roles = ['front_desk', 'complaint_handler', 'technician', 'supervisor', 'manager', 'admin'] as const;
const rank: Record<string, number> = { supervisor: 1, manager: 2, admin: 3 };

describe('approvalLevelFor, applyDecision: the approval matrix of the default policy', () => {
  it.each(bands)('approvalLevelFor: $label needs $steps, naming the policy version', (band) => {
    for (const amount of band.amounts) {
      const level = approvalLevelFor(defaultCompensationPolicy, amount);
      expect(level.steps).toEqual(band.steps);
      expect(level.policyVersion).toBe(0);
      expect(level.basis).toContain('policy v0');
    }
  });

  for (const band of bands) {
    for (const role of roles) {
      const allowed = (rank[role] ?? 0) >= (rank[band.steps[0]] ?? 9);
      it(`applyDecision: ${band.label} × ${role} → ${allowed ? 'counts' : 'approval_level_insufficient'}`, () => {
        for (const amount of band.amounts) {
          const claim = claimOf(amount);
          const actor: Actor = { userId: `${role}-1`, roles: [role] };
          expect(codeOf(() => applyDecision(claim, approve, { actor, now }))).toBe(
            allowed ? 'ok' : 'approval_level_insufficient',
          );
          // A rejection needs the same level as an approval.
          expect(
            codeOf(() => applyDecision(claim, { decision: 'reject', reason: 'no' }, { actor, now })),
          ).toBe(allowed ? 'ok' : 'approval_level_insufficient');
        }
      });
    }
  }

  it('applyDecision: the second step of a > ¥5,000 claim needs an admin', () => {
    const first = applyDecision(claimOf(800_000), approve, {
      actor: { userId: 'mgr-1', roles: ['manager'] },
      now,
      nextReminderDueAt: '2026-12-02T02:00:00.000Z',
    });
    expect(first.status).toBe('pending_approval');
    expect(first.reminderDueAt).toBe('2026-12-02T02:00:00.000Z');
    expect(
      codeOf(() => applyDecision(first, approve, { actor: { userId: 'mgr-2', roles: ['manager'] }, now })),
    ).toBe('approval_level_insufficient');
    const second = applyDecision(first, approve, { actor: { userId: 'adm-1', roles: ['admin'] }, now });
    expect(second.status).toBe('approved');
    expect(second.decisions.map((d) => [d.step, d.role, d.by])).toEqual([
      [1, 'manager', 'mgr-1'],
      [2, 'admin', 'adm-1'],
    ]);
    expect(second.reminderDueAt).toBeUndefined();
  });

  it('applyDecision: the requester never decides their own claim, whatever their role', () => {
    const claim = { ...claimOf(10_000), createdBy: 'boss' };
    const actor: Actor = { userId: 'boss', roles: ['admin'] };
    expect(codeOf(() => applyDecision(claim, approve, { actor, now }))).toBe('self_approval');
    expect(codeOf(() => applyDecision(claim, { decision: 'reject', reason: 'x' }, { actor, now }))).toBe(
      'self_approval',
    );
  });

  it('applyDecision: one person approves once, so a two-person step needs two different people', () => {
    const admin: Actor = { userId: 'adm-1', roles: ['admin'] };
    const first = applyDecision(claimOf(800_000), approve, { actor: admin, now });
    expect(codeOf(() => applyDecision(first, approve, { actor: admin, now }))).toBe('already_approved');
    expect(applyDecision(first, approve, { actor: { userId: 'adm-2', roles: ['admin'] }, now }).status).toBe(
      'approved',
    );
  });

  it('applyDecision: a decided claim takes no more decisions; a rejection keeps its reason', () => {
    const actor: Actor = { userId: 'sup-1', roles: ['supervisor'] };
    const rejected = applyDecision(claimOf(100), { decision: 'reject', reason: '不属实' }, { actor, now });
    expect(rejected).toMatchObject({ status: 'rejected', closedAt: now.toISOString() });
    expect(rejected.decisions[0]).toMatchObject({ decision: 'reject', reason: '不属实', by: 'sup-1' });
    const other: Actor = { userId: 'sup-2', roles: ['supervisor'] };
    expect(codeOf(() => applyDecision(rejected, approve, { actor: other, now }))).toBe('claim_status');
  });

  it('canApproveStep: a higher role may take a lower step, never the reverse', () => {
    expect(canApproveStep(['admin'], 'supervisor')).toBe(true);
    expect(canApproveStep(['manager'], 'admin')).toBe(false);
    expect(canApproveStep(['front_desk', 'supervisor'], 'supervisor')).toBe(true);
  });
});

describe('applyPayment, applyRecovery', () => {
  const approved = applyDecision(claimOf(800_000), approve, {
    actor: { userId: 'm', roles: ['manager'] },
    now,
  });
  const done = applyDecision(approved, approve, { actor: { userId: 'a', roles: ['admin'] }, now });
  const paid = applyPayment(done, { method: 'bank_transfer', reference: 'TX1' }, { actor: requester, now });

  it('applyPayment: only an approved claim is paid; the payer defaults to the caller', () => {
    expect(paid.payment).toMatchObject({ method: 'bank_transfer', reference: 'TX1', paidBy: 'desk-1' });
    expect(
      codeOf(() => applyPayment(claimOf(100), { method: 'cash', reference: 'x' }, { actor: requester, now })),
    ).toBe('claim_status');
  });

  it.each([
    [500_000, 500_000, 300_000],
    [1_000_000, 800_000, 0],
    [0, 0, 800_000],
  ])(
    'applyRecovery: a deposit of %i fen covers %i, leaving %i receivable',
    (balance, deducted, receivable) => {
      const closed = applyRecovery(paid, balance, { actor: requester, now, entryId: ids[0] ?? '' });
      // Covered by the deposit, the claim closes; else it waits for the receivable's settlement.
      expect(closed.status).toBe(receivable > 0 ? 'recovered' : 'closed');
      expect(closed.closedAt !== undefined).toBe(receivable === 0);
      expect(closed.recovery).toMatchObject({ deducted, receivable });
      expect(closed.recovery?.entryId !== undefined).toBe(deducted > 0);
    },
  );

  it('applySettlement: only a recovered claim; never more than is owed; covered, it closes', () => {
    const recovered = applyRecovery(paid, 500_000, { actor: requester, now, entryId: ids[0] ?? '' });
    const pay = (claim: CompensationClaim, amount: number) =>
      applySettlement(
        claim,
        { amount, method: 'bank_transfer', reference: `HK-${amount}` },
        { actor: requester, now },
      );
    expect(codeOf(() => pay(paid, 1))).toBe('claim_status');
    expect(codeOf(() => pay(recovered, 300_001))).toBe('settlement_exceeds_receivable');
    const part = pay(recovered, 100_000);
    expect([part.status, outstanding(part)]).toEqual(['recovered', 200_000]);
    expect(codeOf(() => pay(part, 200_001))).toBe('settlement_exceeds_receivable');
    const rest = pay(part, 200_000);
    expect([rest.status, outstanding(rest), rest.settlements?.length]).toEqual(['closed', 0, 2]);
  });

  it('newClaim: waits on its first approver from creation', () => {
    const claim = claimOf(100);
    expect(claim).toMatchObject({ status: 'pending_approval', waitingSince: now.toISOString(), version: 1 });
  });

  it('reminderDue: 8 business hours of the store calendar, skipping the night and closed days', () => {
    expect(reminderDue(roundTheClock('Asia/Shanghai'), now, 8)).toBe('2026-12-01T10:00:00.000Z');
    const nineToSix = [{ start: '09:00', end: '18:00' }];
    const calendar = {
      ...roundTheClock('Asia/Shanghai'),
      weekly: {
        mon: nineToSix,
        tue: nineToSix,
        wed: nineToSix,
        thu: nineToSix,
        fri: nineToSix,
        sat: [],
        sun: [],
      },
    };
    // Friday 16:00 local: 2 hours that day, 6 more from Monday 09:00 → Monday 15:00 local.
    const friday = new Date('2026-12-04T16:00:00+08:00');
    expect(reminderDue(calendar, friday, 8)).toBe(new Date('2026-12-07T15:00:00+08:00').toISOString());
  });
});
