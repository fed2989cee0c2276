import { type ApproverRole, approverRoles, type CompensationPolicy } from './schema';
import type { CompensationClaim } from './views';

/**
 * Our defaults (no public thresholds were found; shared/domain/complaints-compensation.md):
 * up to ¥500 a supervisor approves; up to ¥5,000 a manager; above, a manager and an admin.
 */
export const defaultCompensationPolicy: CompensationPolicy = {
  bands: [
    { maxAmount: 50_000, steps: ['supervisor'] },
    { maxAmount: 500_000, steps: ['manager'] },
    { steps: ['manager', 'admin'] },
  ],
  reminderBusinessHours: 8,
  version: 0,
};

/** The approval level an amount needs under the policy, with the rule that chose it. */
export function approvalLevelFor(
  policy: CompensationPolicy,
  amount: number,
): CompensationClaim['approvalLevel'] {
  const band = policy.bands.findIndex(
    (candidate) => candidate.maxAmount === undefined || amount <= candidate.maxAmount,
  );
  // The policy schema makes the last band unbounded, so some band always takes the amount.
  const chosen = policy.bands[band] ?? policy.bands[policy.bands.length - 1];
  const maxAmount = chosen?.maxAmount ?? null;
  return {
    band,
    maxAmount,
    steps: chosen?.steps ?? ['admin'],
    policyVersion: policy.version,
    basis:
      maxAmount === null
        ? `tenant compensation policy v${policy.version}: above every bounded band`
        : `tenant compensation policy v${policy.version}: amount ≤ ${maxAmount} fen`,
  };
}

const rank = (role: string) => approverRoles.indexOf(role as ApproverRole);

/** May someone with these roles approve a step needing `role`? Their role or a higher one. */
export const canApproveStep = (roles: readonly string[], role: ApproverRole) =>
  roles.some((held) => rank(held) >= rank(role));
