import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Capacity budgets: the most an operation may consume, summed over every DynamoDB call it
 * makes (table and indexes). Pure: the unit test checks the checker, the integration test
 * checks the operations, and the bench prints the budgets beside the measurements.
 */
export interface CapacityFigures {
  /** Read capacity units (on demand: read request units). */
  readonly readUnits: number;
  /** Write capacity units (on demand: write request units); transactional writes count double. */
  readonly writeUnits: number;
  /** DynamoDB requests the operation makes. */
  readonly calls: number;
}

export interface CapacityBudget {
  /** `null`: the operation is not implemented yet, so it has no budget yet. */
  readonly operations: Readonly<Record<string, CapacityFigures | null>>;
}

export const budgetFile = resolve(import.meta.dirname, 'capacity-budget.json');

export function loadBudget(file = budgetFile): CapacityBudget {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { operations?: unknown };
  if (!parsed.operations || typeof parsed.operations !== 'object') {
    throw new Error(`${file}: expected {"operations": {...}}`);
  }
  return parsed as CapacityBudget;
}

export interface BudgetCheck {
  readonly ok: boolean;
  /** One sentence per figure over budget, e.g. `createTicket: 9 write units, budget 8`. */
  readonly violations: readonly string[];
  /** Figures below budget: the budget could be tightened. */
  readonly slack: readonly string[];
}

const figures: readonly { key: keyof CapacityFigures; label: string }[] = [
  { key: 'readUnits', label: 'read units' },
  { key: 'writeUnits', label: 'write units' },
  { key: 'calls', label: 'DynamoDB calls' },
];

/** An operation passes when none of its figures exceeds its budget; no budget at all fails. */
export function checkCapacity(
  operation: string,
  measured: CapacityFigures,
  budget: CapacityBudget,
): BudgetCheck {
  const limit = budget.operations[operation];
  if (!limit) {
    return {
      ok: false,
      violations: [
        `${operation}: no budget in test/kit/capacity-budget.json (measured ${describeFigures(measured)})`,
      ],
      slack: [],
    };
  }
  const violations: string[] = [];
  const slack: string[] = [];
  for (const { key, label } of figures) {
    if (measured[key] > limit[key]) {
      violations.push(`${operation}: ${measured[key]} ${label}, budget ${limit[key]}`);
    } else if (measured[key] < limit[key]) {
      slack.push(`${operation}: ${measured[key]} ${label}, budget ${limit[key]}`);
    }
  }
  return { ok: violations.length === 0, violations, slack };
}

export const describeFigures = (f: CapacityFigures) =>
  `${f.readUnits} read units, ${f.writeUnits} write units, ${f.calls} calls`;
