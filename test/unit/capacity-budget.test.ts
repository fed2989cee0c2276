import { describe, expect, it } from 'vitest';
import { type CapacityBudget, type CapacityFigures, checkCapacity, loadBudget } from '../kit/capacity-budget';
import { totalUnits, writeUnits } from '../kit/item-size';
import { rawTicketItem, stringAttribute } from '../kit/samples';

const s = stringAttribute;
const ticketItem = rawTicketItem;

describe('capacity budget checker', () => {
  // A create: one GetItem, then a transaction of two ~300-byte puts (one indexed).
  const createReads = 0.5;
  const transaction = [
    writeUnits(undefined, ticketItem(), { transactional: true, action: 'put' }),
    writeUnits(
      undefined,
      { pk: s('T#acme#TICKET#01J'), sk: s('EVENT#01J') },
      { transactional: true, action: 'put' },
    ),
  ];
  const measuredCreate = (writes: number[]): CapacityFigures => ({
    readUnits: createReads,
    writeUnits: writes.reduce((sum, units) => sum + units, 0),
    calls: 2,
  });
  const asIs = measuredCreate(transaction.map(totalUnits));
  const budget: CapacityBudget = { operations: { createTicket: asIs, assignTicket: null } };

  it('passes an operation that uses exactly its budget', () => {
    expect(checkCapacity('createTicket', asIs, budget)).toEqual({ ok: true, violations: [], slack: [] });
  });

  it('fails an operation that makes one more write than its budget', () => {
    // The same transaction with one more (small, unindexed) item: 2 more write units.
    const oneMore = writeUnits(
      undefined,
      { pk: s('T#acme#X'), sk: s('Y') },
      { transactional: true, action: 'put' },
    );
    const check = checkCapacity(
      'createTicket',
      measuredCreate([...transaction.map(totalUnits), totalUnits(oneMore)]),
      budget,
    );
    expect(check.ok).toBe(false);
    expect(check.violations).toEqual([
      `createTicket: ${asIs.writeUnits + 2} write units, budget ${asIs.writeUnits}`,
    ]);
  });

  it('fails one more call, and one more plain write outside a transaction', () => {
    const plainPut = totalUnits(
      writeUnits(undefined, { pk: s('a'), sk: s('b') }, { transactional: false, action: 'put' }),
    );
    expect(plainPut).toBe(1);
    const check = checkCapacity(
      'createTicket',
      { ...asIs, writeUnits: asIs.writeUnits + plainPut, calls: 3 },
      budget,
    );
    expect(check.violations).toEqual([
      `createTicket: ${asIs.writeUnits + 1} write units, budget ${asIs.writeUnits}`,
      'createTicket: 3 DynamoDB calls, budget 2',
    ]);
  });

  it('fails an operation without a budget, and one whose budget is still null', () => {
    expect(checkCapacity('listTickets', asIs, budget).ok).toBe(false);
    expect(checkCapacity('assignTicket', asIs, budget).violations[0]).toMatch(/no budget/);
  });

  it('reports units under budget as slack, not as a failure', () => {
    const check = checkCapacity('createTicket', { ...asIs, readUnits: 0 }, budget);
    expect(check).toMatchObject({ ok: true, slack: ['createTicket: 0 read units, budget 0.5'] });
  });

  it('reads the budget file of the repository', () => {
    const file = loadBudget();
    for (const entry of Object.values(file.operations)) {
      if (entry !== null) expect(Object.keys(entry).sort()).toEqual(['calls', 'readUnits', 'writeUnits']);
    }
  });
});
