import { describe, expect, it } from 'vitest';
import { safeParse } from 'zod/mini';
import { createPurchaseInput } from '../../shared/customers/schema';
import { createRevisitInput } from '../../shared/revisits/schema';
import { instant, isoDate } from '../../shared/schema/common';
import { listTicketsQuery } from '../../shared/tickets/schema';

const accepts = (schema: typeof instant | typeof isoDate, value: string) => safeParse(schema, value).success;

describe('the strict time schema (instant)', () => {
  it('accepts ISO-8601 instants with an offset, on real dates, in 2000–2100', () => {
    for (const value of [
      '2026-11-26T09:00:00+08:00',
      '2026-11-26T01:00:00Z',
      '2026-11-26T01:00:00.123Z',
      '2026-11-26T09:00+08:00',
      '2026-11-26T23:59:59-05:30',
      '2028-02-29T12:00:00Z', // a leap day
      '2000-02-29T00:00:00Z', // 2000 is a leap year (divisible by 400)
      '2000-01-01T00:00:00Z',
      '2100-12-31T23:59:59.999Z',
    ]) {
      expect(accepts(instant, value), value).toBe(true);
    }
  });

  it('refuses what Date.parse lets through: impossible dates, bare numbers, extended years, no offset, 24:00', () => {
    for (const value of [
      '2026-02-30T00:00:00Z', // stored as 2 March by Date.parse
      '2026-02-30',
      '0', // Date.parse: the year 2000
      '+275760-09-13T00:00:00.000Z', // Date's last instant: every later step overflows
      '-000001-01-01T00:00:00Z',
      '2026-11-26T09:00:00', // no offset: whose 09:00?
      '2026-11-26 09:00:00Z',
      '2026-11-26T24:00:00Z',
      '2026-11-26T23:60:00Z',
      '2026-11-26T23:59:60Z', // no leap seconds
      '2026-13-01T00:00:00Z',
      '2027-02-29T00:00:00Z', // not a leap year
      '2100-02-29T00:00:00Z', // nor is 2100
      '2026-11-26T09:00:00+15:00',
      '2026-11-26T09:00:00+08:60',
      '1999-12-31T23:59:59Z',
      '2101-01-01T00:00:00Z',
      '2100-12-31T23:30:00-01:00', // 2101 in UTC
      '2000-01-01T07:00:00+08:00', // 1999 in UTC
      'Thu, 26 Nov 2026 09:00:00 GMT',
      '',
    ]) {
      expect(accepts(instant, value), value).toBe(false);
    }
  });
});

describe('the strict date schema (isoDate)', () => {
  it('accepts real days in 2000–2100 and refuses the rest', () => {
    for (const value of ['2026-11-26', '2028-02-29', '2000-01-01', '2100-12-31']) {
      expect(accepts(isoDate, value), value).toBe(true);
    }
    for (const value of [
      '2026-02-30',
      '2027-02-29',
      '2100-02-29',
      '2026-04-31',
      '2026-00-10',
      '1999-12-31',
      '2101-01-01',
      '0',
      '+275760-09-13',
      '2026-11-26T00:00:00Z',
      '26-11-2026',
    ]) {
      expect(accepts(isoDate, value), value).toBe(false);
    }
  });
});

describe('every time in a body or query goes through them', () => {
  it('a revisit dueAt, a ticket list range and purchase dates refuse the issue’s examples, naming the field', () => {
    const revisit = {
      customerId: '01JDQ0000000000000000000C1',
      storeId: '01JDQ0000000000000000000S1',
    };
    for (const dueAt of ['2026-02-30', '0', '+275760-09-13T00:00:00.000Z', '2026-11-30T10:00:00']) {
      const result = safeParse(createRevisitInput, { ...revisit, dueAt });
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['dueAt']);
    }
    expect(safeParse(createRevisitInput, { ...revisit, dueAt: '2026-11-30T10:00:00+08:00' }).success).toBe(
      true,
    );

    for (const field of ['from', 'to']) {
      for (const value of ['0', '2026-02-30', '+275760-09-13T00:00:00.000Z']) {
        const result = safeParse(listTicketsQuery, { [field]: value });
        expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
      }
    }

    const purchase = {
      customerId: '01JDQ0000000000000000000C1',
      storeId: '01JDQ0000000000000000000S1',
      items: [{ name: '冰箱', category: '家电', amount: 399900 }],
    };
    const refused = safeParse(createPurchaseInput, {
      ...purchase,
      purchasedOn: '2026-02-30',
      deliveredOn: '2101-01-01',
    });
    expect(refused.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'deliveredOn',
      'purchasedOn',
    ]);
  });
});
