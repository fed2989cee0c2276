import { describe, expect, it } from 'vitest';
import {
  applyClaim,
  applyDisposal,
  lostItemTimerOf,
  markRetentionEnded,
  newLostItem,
  retentionEnd,
} from '../../shared/lost-and-found/model';
import type { LostItemCategory } from '../../shared/lost-and-found/schema';
import { frontOfficeOf } from '../../shared/stores/front-office-settings';

const at = (value: string) => new Date(value);
const month = (amount: number) => ({ amount, unit: 'month' as const });
const days = (amount: number) => ({ amount, unit: 'day' as const });

describe('lost-and-found model', () => {
  it('retentionEnd: counts days and calendar months on the store’s wall clock, month ends clamped', () => {
    // Found 01:00 on 31 January in Shanghai (still 30 January in UTC): a month later is
    // 28 February 01:00 there; counted in UTC it would be a day later.
    expect(retentionEnd(at('2026-01-30T17:00:00Z'), month(1), 'Asia/Shanghai').toISOString()).toBe(
      '2026-02-27T17:00:00.000Z',
    );
    expect(retentionEnd(at('2027-11-30T10:00:00+08:00'), month(3), 'Asia/Shanghai').toISOString()).toBe(
      '2028-02-29T02:00:00.000Z',
    );
    expect(retentionEnd(at('2026-11-27T10:00:00+08:00'), month(6), 'Asia/Shanghai').toISOString()).toBe(
      '2027-05-27T02:00:00.000Z',
    );
    expect(retentionEnd(at('2026-12-28T10:00:00+08:00'), days(7), 'Asia/Shanghai').toISOString()).toBe(
      '2027-01-04T02:00:00.000Z',
    );
    // Across New York's fall-back night a day is 25 hours: the same wall-clock time the next day.
    expect(retentionEnd(at('2026-10-31T09:00:00-04:00'), days(1), 'America/New_York').toISOString()).toBe(
      '2026-11-01T14:00:00.000Z',
    );
  });

  it('newLostItem: retention per category from the store defaults (3 months, 6 months, 1 week, 1 day)', () => {
    const { retention } = frontOfficeOf({ kind: 'hotel' }).lostAndFound;
    const ends = (['general', 'valuables', 'food', 'perishables'] as LostItemCategory[]).map((category) =>
      newLostItem({
        id: '01JD0000000000000000000001',
        input: {
          storeId: '01JD0000000000000000000002',
          description: 'x',
          category,
          foundWhere: '1203',
          foundAt: '2026-11-27T10:00:00+08:00',
          foundBy: '张阿姨',
          storagePlace: '前台',
        },
        retention: retention[category],
        timezone: 'Asia/Shanghai',
        actorId: 'desk',
        now: at('2026-11-27T11:00:00+08:00'),
      }),
    );
    expect(ends.map((item) => item.retainUntil)).toEqual([
      '2027-02-27T02:00:00.000Z',
      '2027-05-27T02:00:00.000Z',
      '2026-12-04T02:00:00.000Z',
      '2026-11-28T02:00:00.000Z',
    ]);
    const [general] = ends;
    if (!general) throw new Error('no item');
    expect(lostItemTimerOf(general)).toEqual({ stage: 'retention', dueAt: '2027-02-27T02:00:00.000Z' });
    expect(lostItemTimerOf(markRetentionEnded(general, at('2027-02-27T10:00:01+08:00')))).toBeUndefined();

    const claimed = applyClaim(
      general,
      {
        version: 1,
        claimantName: '周先生',
        claimantDescription: '黑色皮夹',
        idType: 'resident_id',
        idLast4: '123x',
        signatureRef: 'LF-1',
      },
      { actorId: 'desk', now: at('2026-11-28T09:00:00+08:00') },
    );
    expect(claimed.claim).toMatchObject({ idType: 'resident_id', idLast4: '123X' });
    expect(lostItemTimerOf(claimed)).toBeUndefined();

    const dispose = (now: string) =>
      applyDisposal(general, { version: 1, how: 'handed_to_police' }, { actorId: 'duty', now: at(now) });
    expect(() => dispose('2027-02-27T09:59:00+08:00')).toThrow(/kept until/);
    expect(dispose('2027-02-27T10:00:00+08:00')).toMatchObject({
      status: 'handed_to_police',
      disposal: { how: 'handed_to_police', by: 'duty' },
    });
  });
});
