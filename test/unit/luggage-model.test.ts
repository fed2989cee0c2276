import { describe, expect, it } from 'vitest';
import {
  applyPickUp,
  assertAcceptableContents,
  daysLater,
  luggageTimerOf,
  markUnclaimed,
  newLuggage,
} from '../../shared/luggage/model';

const at = (value: string) => new Date(value);
const stored = () =>
  newLuggage({
    id: '01JD0000000000000000000001',
    input: {
      storeId: '01JD0000000000000000000002',
      tagNumber: 'a0123',
      pieces: 2,
      description: '黑色拉杆箱',
      location: '行李房 A 架',
      guestName: '王先生',
      expectedPickUpAt: '2026-11-28T18:00:00+08:00',
      declaredContents: ['clothing', 'clothing'],
    },
    unclaimedDays: 30,
    timezone: 'Asia/Shanghai',
    actorId: 'desk',
    now: at('2026-11-27T09:00:00+08:00'),
  });

describe('luggage model', () => {
  it('newLuggage, luggageTimerOf: tag upper-cased, one reminder 30 days after the expected pick-up', () => {
    const luggage = stored();
    expect(luggage).toMatchObject({ status: 'stored', tagNumber: 'A0123', declaredContents: ['clothing'] });
    expect(luggageTimerOf(luggage)).toEqual({ stage: 'unclaimed', dueAt: '2026-12-28T10:00:00.000Z' });
    const reminded = markUnclaimed(luggage, at('2026-12-28T18:00:05+08:00'));
    expect(luggageTimerOf(reminded)).toBeUndefined();
    expect(reminded.history.map((entry) => entry.what)).toEqual(['stored', 'unclaimed_reminded']);
  });

  it('daysLater: calendar days at the same wall-clock time in the store’s zone, across a DST change', () => {
    expect(daysLater(at('2026-01-31T10:00:00+08:00'), 30, 'Asia/Shanghai').toISOString()).toBe(
      '2026-03-02T02:00:00.000Z',
    );
    // Berlin leaves winter time on 29 March 2026: 09:00 local is an hour earlier in UTC after it.
    expect(daysLater(at('2026-03-20T09:00:00+01:00'), 30, 'Europe/Berlin').toISOString()).toBe(
      '2026-04-19T07:00:00.000Z',
    );
  });

  it('assertAcceptableContents: valuables and flammables refused with their own codes', () => {
    expect(() => assertAcceptableContents(['clothing', 'fragile'])).not.toThrow();
    expect(() => assertAcceptableContents(['valuables'])).toThrow(
      expect.objectContaining({ code: 'luggage_valuables_refused' }),
    );
    expect(() => assertAcceptableContents(['valuables', 'flammables'])).toThrow(
      expect.objectContaining({ code: 'luggage_flammables_refused' }),
    );
  });

  it('applyPickUp: the stub must match (any case); the ID way keeps type and last four only; once', () => {
    const context = { actorId: 'desk', now: at('2026-11-28T18:10:00+08:00') };
    expect(() => applyPickUp(stored(), { with: 'stub', version: 1, tagNumber: 'A0124' }, context)).toThrow(
      expect.objectContaining({ code: 'luggage_stub_mismatch' }),
    );
    const withStub = applyPickUp(stored(), { with: 'stub', version: 1, tagNumber: 'a0123' }, context);
    expect(withStub).toMatchObject({ status: 'picked_up', pickUp: { with: 'stub', by: 'desk' }, version: 2 });
    expect(luggageTimerOf(withStub)).toBeUndefined();
    expect(() => applyPickUp(withStub, { with: 'stub', version: 2, tagNumber: 'A0123' }, context)).toThrow(
      expect.objectContaining({ code: 'luggage_picked_up' }),
    );
    const withId = applyPickUp(
      stored(),
      {
        with: 'id_and_certificate',
        version: 1,
        collectorName: '王先生',
        idType: 'resident_id',
        idLast4: '123x',
        certificateRef: 'LS-0001',
      },
      context,
    );
    expect(withId.pickUp).toEqual({
      with: 'id_and_certificate',
      collectorName: '王先生',
      idType: 'resident_id',
      idLast4: '123X',
      certificateRef: 'LS-0001',
      at: '2026-11-28T10:10:00.000Z',
      by: 'desk',
    });
  });
});
