import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { type CapacityBudget, type CapacityFigures, checkCapacity, loadBudget } from '../kit/capacity-budget';
import { itemSize, totalUnits, writeUnits } from '../kit/item-size';

const s = (value: string): AttributeValue => ({ S: value });
const ticketItem = (extra = 0) => ({
  pk: s('T#acme#TICKET#01J0000000000000000000000'),
  sk: s('TICKET'),
  byStoreStatusPk: s('T#acme#STORE#01J0000000000000000000001#STATUS#new'),
  byStoreStatusSk: s('01J0000000000000000000000'),
  subject: s(`沙发送货后发现划痕${'x'.repeat(extra)}`),
});

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

describe('item sizes and write units (DynamoDB rules)', () => {
  it('sizes attributes as the DynamoDB guide does', () => {
    expect(itemSize({ name: s('abc') })).toBe(4 + 3);
    expect(itemSize({ n: { N: '12345' } })).toBe(1 + 3 + 1); // 5 significant digits → 3 bytes, + 1
    expect(itemSize({ n: { N: '100' } })).toBe(1 + 1 + 1); // trailing zeros trimmed
    expect(itemSize({ flag: { BOOL: true }, none: { NULL: true } })).toBe(4 + 1 + 4 + 1);
    expect(itemSize({ m: { M: { a: s('xy') } } })).toBe(1 + 3 + 1 + 1 + 2);
    expect(itemSize({ l: { L: [s('x'), s('y')] } })).toBe(1 + 3 + 2 * (1 + 1));
    expect(itemSize({ t: s('沙发') })).toBe(1 + 6);
  });

  it('charges per started KB, twice in a transaction, at least one unit', () => {
    const item = (bytes: number) => ({ pk: s('p'), sk: s('s'), x: s('x'.repeat(bytes - 7)) });
    expect(itemSize(item(1024))).toBe(1024);
    expect(writeUnits(undefined, item(1024), { transactional: false, action: 'put' }).table).toBe(1);
    expect(writeUnits(undefined, item(1025), { transactional: false, action: 'put' }).table).toBe(2);
    expect(writeUnits(undefined, item(1025), { transactional: true, action: 'put' }).table).toBe(4);
    expect(writeUnits(item(3000), item(100), { transactional: false, action: 'update' }).table).toBe(3);
    expect(writeUnits(item(10), item(10), { transactional: true, action: 'check' })).toEqual({
      table: 2,
      indexes: {},
    });
  });

  it('writes an index on insert, a changed key as delete + put, nothing when untouched', () => {
    const before = ticketItem();
    const moved = { ...before, byStoreStatusPk: s('T#acme#STORE#01J0000000000000000000001#STATUS#assigned') };
    expect(writeUnits(undefined, before, { transactional: true, action: 'put' }).indexes).toEqual({
      byStoreStatus: 1,
    });
    expect(writeUnits(before, moved, { transactional: true, action: 'update' }).indexes).toEqual({
      byStoreStatus: 2,
    });
    expect(
      writeUnits(before, moved, { transactional: true, action: 'update', indexFactor: 2 }).indexes,
    ).toEqual({
      byStoreStatus: 4,
    });
    expect(writeUnits(before, before, { transactional: false, action: 'update' }).indexes).toEqual({});
    expect(writeUnits(before, undefined, { transactional: false, action: 'delete' }).indexes).toEqual({
      byStoreStatus: 1,
    });
  });
});
