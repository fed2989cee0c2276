import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../shared/db/cursor';
import { ledgerBalance } from '../../shared/merchants/model';
import type { DepositEntry, Merchant } from '../../shared/merchants/views';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { type InvocationResult, invoke, problem } from '../kit/invoke';

/*
 * Ledger invariants as properties, over DynamoDB Local and the real handlers: random sequences
 * of deposits, top-ups, deductions and refunds, sent in concurrent batches with retries of the
 * same voucher. Whatever the interleaving: the stored balance is the sum of the entries, it is
 * never negative, a voucher is booked at most once (every answer for it names the same entry),
 * and what was answered as refused or unavailable was never booked.
 */

let desk: DeskFixture;
beforeAll(async () => {
  desk = await deskFixture('ledger');
});

const kinds = ['deposit', 'top_up', 'deduction', 'refund'] as const;
const request = fc.record({
  kind: fc.constantFrom(...kinds),
  amount: fc.integer({ min: 1, max: 5_000 }),
});
/** Requests, then batches of indexes into them: a repeated index is a retry of that very request. */
const scenario = fc.array(request, { minLength: 1, maxLength: 10 }).chain((requests) =>
  fc.record({
    requests: fc.constant(requests),
    batches: fc.array(fc.array(fc.nat(requests.length - 1), { minLength: 1, maxLength: 6 }), {
      minLength: 1,
      maxLength: 5,
    }),
  }),
);

async function allEntries(merchantId: string): Promise<DepositEntry[]> {
  const entries: DepositEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await invoke<Page<DepositEntry>>('listDepositEntries', {
      caller: desk.admin,
      params: { merchantId },
      query: { limit: '100', ...(cursor ? { cursor } : {}) },
    });
    entries.push(...page.body.items);
    cursor = page.body.cursor ?? undefined;
  } while (cursor);
  return entries;
}

let run = 0;

describe('deposit ledger invariants (recordDepositEntry, listDepositEntries)', () => {
  it('recordDepositEntry: balance = sum of entries ≥ 0 and each voucher booked at most once, under concurrency and retries', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ requests, batches }) => {
        run++;
        const merchant = (
          await invoke<Merchant>('createMerchant', {
            caller: desk.admin,
            body: {
              storeId: desk.store.id,
              name: `商户 ${run}`,
              licenceNumber: `LIC-${run}`,
              contact: { name: 'Zhou', phone: '13700000000' },
              categories: ['lighting'],
              contractStart: '2026-01-01',
              contractEnd: '2026-12-31',
              depositRequired: 10_000,
            },
          })
        ).body;
        const answers = new Map<number, InvocationResult<DepositEntry>[]>();
        for (const batch of batches) {
          const results = await Promise.all(
            batch.map((index) =>
              invoke<DepositEntry>('recordDepositEntry', {
                caller: desk.admin,
                params: { merchantId: merchant.id },
                body: { ...requests[index], reference: `V-${index}` },
              }).then((result) => ({ index, result })),
            ),
          );
          for (const { index, result } of results)
            answers.set(index, [...(answers.get(index) ?? []), result]);
        }
        const entries = await allEntries(merchant.id);
        const stored = (
          await invoke<Merchant>('getMerchant', { caller: desk.admin, params: { merchantId: merchant.id } })
        ).body;
        expect(stored.depositBalance).toBe(ledgerBalance(entries));
        expect(stored.depositBalance).toBeGreaterThanOrEqual(0);
        const references = entries.map((entry) => entry.reference);
        expect(new Set(references).size).toBe(references.length);
        for (const [index, results] of answers) {
          for (const result of results) {
            // Refused by a rule (422) or by contention (503): nothing written for that answer.
            const expected = [201, 422, 503];
            expect(expected, JSON.stringify(result.body)).toContain(result.status);
            if (result.status === 422) {
              expect(['deposit_insufficient']).toContain(problem(result).code);
            }
          }
          const booked = results.filter((result) => result.status === 201).map((result) => result.body.id);
          const inLedger = entries.filter((entry) => entry.reference === `V-${index}`);
          // Every answer that booked names the one entry in the ledger; none booked, none there.
          expect(new Set(booked).size).toBeLessThanOrEqual(1);
          expect(inLedger.map((entry) => entry.id)).toEqual([...new Set(booked)]);
        }
      }),
      { numRuns: 10, seed: Number(process.env.FUZZ_SEED ?? 20261127) },
    );
  }, 180_000);

  it('recordDepositEntry: 12 concurrent deductions of 1,000 fen from 5,000 fen book exactly five', async () => {
    const merchant = (
      await invoke<Merchant>('createMerchant', {
        caller: desk.admin,
        body: {
          storeId: desk.store.id,
          name: '并发扣款',
          licenceNumber: 'LIC-RACE',
          contact: { name: 'Zhou', phone: '13700000000' },
          categories: ['lighting'],
          contractStart: '2026-01-01',
          contractEnd: '2026-12-31',
          depositRequired: 5_000,
        },
      })
    ).body;
    await invoke('recordDepositEntry', {
      caller: desk.admin,
      params: { merchantId: merchant.id },
      body: { kind: 'deposit', amount: 5_000, reference: 'IN' },
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        invoke('recordDepositEntry', {
          caller: desk.admin,
          params: { merchantId: merchant.id },
          body: { kind: 'deduction', amount: 1_000, reference: `OUT-${i}` },
        }),
      ),
    );
    const booked = results.filter((result) => result.status === 201).length;
    const entries = await allEntries(merchant.id);
    const stored = (
      await invoke<Merchant>('getMerchant', { caller: desk.admin, params: { merchantId: merchant.id } })
    ).body;
    expect(entries.filter((entry) => entry.kind === 'deduction')).toHaveLength(booked);
    expect(stored.depositBalance).toBe(ledgerBalance(entries));
    // Contention may turn some away (503, nothing written); none may overdraw.
    expect(booked).toBeLessThanOrEqual(5);
    expect(results.every((result) => [201, 422, 503].includes(result.status))).toBe(true);
    if (results.every((result) => result.status !== 503)) expect(booked).toBe(5);
  }, 60_000);
});
