import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { chargeBasis, paymentProblems, priceLines } from '../../shared/repairs/pricing';
import type { PriceLineInput } from '../../shared/repairs/schema';
import type { RepairPriceList } from '../../shared/repairs/views';

const priceList: RepairPriceList = {
  items: [
    { code: 'LAB-SCREEN', name: '屏幕更换工时', kind: 'labour', amount: 10_000 },
    { code: 'PART-SCREEN', name: '屏幕总成', kind: 'part', amount: 110_000 },
    { code: 'PART-SCREW', name: '螺丝', kind: 'part', amount: 50 },
  ],
  inspectionFee: 5_000,
  currency: 'CNY',
  version: 7,
};

const warranty = {
  inWarranty: true,
  ruleClass: 'computer',
  months: 12,
  lastDay: '2027-03-01',
  invoiceDate: '2026-03-01',
  daysInRepairBefore: 0,
  decidedOn: '2026-11-27',
  basis: 'test',
};

const paths = (thunk: () => unknown) => {
  try {
    thunk();
    return [];
  } catch (error) {
    return error instanceof DomainError ? error.issues.map((issue) => issue.path) : [String(error)];
  }
};

describe('priceLines: a quote built from the price list', () => {
  it.each([
    // lines, free, list total, total
    [[{ code: 'LAB-SCREEN', quantity: 1 }], false, 10_000, 10_000],
    [
      [
        { code: 'LAB-SCREEN', quantity: 1 },
        { code: 'PART-SCREEN', quantity: 1 },
        { code: 'PART-SCREW', quantity: 4 },
      ],
      false,
      120_200,
      120_200,
    ],
    [
      [
        { code: 'LAB-SCREEN', quantity: 1 },
        { code: 'PART-SCREEN', quantity: 1 },
      ],
      true,
      120_000,
      0,
    ],
    [[], false, 0, 0],
  ] as const)('%j (free: %s) lists %i fen and charges %i', (lines, free, listTotal, total) => {
    const charges = priceLines(priceList, lines, { free, basis: 'why' }, 'lines');
    expect(charges).toMatchObject({ listTotal, total, free, basis: 'why', priceListVersion: 7 });
    expect(charges.lines.map((line) => line.amount)).toEqual(
      lines.map(
        (line) => (priceList.items.find((item) => item.code === line.code)?.amount ?? 0) * line.quantity,
      ),
    );
  });

  it('adds the quantities of a code given twice into one line', () => {
    const charges = priceLines(
      priceList,
      [
        { code: 'PART-SCREW', quantity: 2 },
        { code: 'PART-SCREW', quantity: 3 },
      ],
      { free: false, basis: '' },
      'lines',
    );
    expect(charges.lines).toEqual([
      { code: 'PART-SCREW', name: '螺丝', kind: 'part', unitAmount: 50, quantity: 5, amount: 250 },
    ]);
  });

  it('names every line whose code is not on the price list', () => {
    const lines: PriceLineInput[] = [
      { code: 'GONE', quantity: 1 },
      { code: 'LAB-SCREEN', quantity: 1 },
      { code: 'ALSO-GONE', quantity: 2 },
    ];
    expect(paths(() => priceLines(priceList, lines, { free: false, basis: '' }, 'lines'))).toEqual([
      'lines.0.code',
      'lines.2.code',
    ]);
    expect(
      paths(() => priceLines({ ...priceList, items: [] }, lines.slice(1), { free: true, basis: '' }, 'x')),
    ).toEqual(['x.0.code', 'x.1.code']);
  });
});

describe('paymentProblems: a payment must be exactly what is due', () => {
  it.each([
    [0, undefined, [], 'CNY'],
    [0, 1, ['payment'], 'CNY'],
    [0, 0, ['payment'], 'CNY'],
    [5_000, undefined, ['payment'], 'CNY'],
    [5_000, 4_999, ['payment.amount'], 'CNY'],
    [5_000, 5_001, ['payment.amount'], 'CNY'],
    [5_000, 5_000, [], 'CNY'],
    [5_000, 5_000, ['payment.currency'], 'USD'],
    [5_000, 4_000, ['payment.currency', 'payment.amount'], 'HKD'],
  ] as const)('due %i CNY, paid %s: %j', (due, paid, expected, currency) => {
    expect(
      paymentProblems(
        { amount: due, currency: 'CNY' },
        paid === undefined ? undefined : { amount: paid, currency },
        'the fee',
      ).map((issue) => issue.path),
    ).toEqual(expected);
  });
});

describe('chargeBasis: why a repair is free or charged', () => {
  it.each([
    ['mail_in', 'free', undefined, '保修期内免费维修，保修至 2027-03-01'],
    ['on_site', 'free', undefined, 'in warranty until 2027-03-01'],
    ['mail_in', 'paid', undefined, '已过保修期 (2027-03-01)，按价目表收费'],
    ['mail_in', 'paid', 'misuse_or_poor_storage', '三包除外 (misuse_or_poor_storage)'],
    ['on_site', 'paid', 'unauthorised_repair', '三包除外 (unauthorised_repair)'],
    ['parts', 'paid', undefined, '购买配件，按价目表收费'],
  ] as const)('%s, %s, exemption %s: says %s', (mode, charge, exemption, says) => {
    expect(chargeBasis({ mode, charge, warranty, ...(exemption ? { exemption } : {}) })).toContain(says);
  });
});
