import { describe, expect, it } from 'vitest';
import { itemSize, writeUnits } from '../kit/item-size';
import { rawTicketItem, stringAttribute } from '../kit/samples';

const s = stringAttribute;
const ticketItem = rawTicketItem;

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
    const moved = { ...before, sspk: s('T#acme#STORE#01J0000000000000000000001#STATUS#assigned') };
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
