import { describe, expect, it } from 'vitest';
import { measureCapacity } from '../kit/capacity';
import { checkCapacity, loadBudget } from '../kit/capacity-budget';
import { measured, pending } from '../kit/operations';
import { setupTools } from '../kit/setup-tools';

/**
 * Capacity units are deterministic, so they are tested rather than timed: every operation of
 * test/kit/operations.ts runs against DynamoDB Local and must stay within test/kit/capacity-budget.json
 * (read units, write units, DynamoDB calls). `npm run bench` prints the same figures beside the budgets.
 */
const budget = loadBudget();

describe('capacity budgets', () => {
  // Bench-only operations (thousands of seeded items) are measured by `npm run bench`; each has a
  // smaller sibling here.
  for (const op of measured('capacity').filter((entry) => entry.benchOnly === undefined)) {
    it(`${op.title}: within its budget`, async () => {
      const measurement = await measureCapacity(op, setupTools, 2);
      // The recorder sits on the service's own client: zero calls would mean it measured nothing.
      expect(measurement.tally.calls).toBeGreaterThan(0);
      expect(checkCapacity(op.id, measurement.tally, budget).violations).toEqual([]);
      expect(measurement.deterministic).toBe(true);
    });
  }

  for (const op of pending('capacity')) {
    it.todo(`${op.title}: not yet implemented`);
  }

  it('keeps one budget entry per operation, null only for those not implemented yet', () => {
    const expected = Object.fromEntries([
      ...measured('capacity').map((op) => [op.id, 'budget']),
      ...pending('capacity').map((op) => [op.id, 'null']),
    ]);
    const actual = Object.fromEntries(
      Object.entries(budget.operations).map(([id, entry]) => [id, entry === null ? 'null' : 'budget']),
    );
    expect(actual).toEqual(expected);
  });
});
