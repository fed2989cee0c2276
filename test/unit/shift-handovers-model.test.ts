import { describe, expect, it } from 'vitest';
import {
  applyAcceptance,
  assertShiftStarted,
  newShiftHandover,
  shiftWindow,
} from '../../shared/shift-handovers/model';
import type { ShiftSnapshot } from '../../shared/shift-handovers/views';
import { frontOfficeOf, frontOfficeSettings } from '../../shared/stores/front-office-settings';

const starts = ['07:00', '15:00', '23:00'];
const none = { count: 0, items: [] };
const snapshot: ShiftSnapshot = {
  takenAt: '2026-11-27T07:00:00.000Z',
  listLimit: 20,
  wakeUpCalls: none,
  luggage: { count: 1, items: [{ id: '01JD0000000000000000000009', label: 'A0123 王先生 ×2 @ 行李房' }] },
  loans: none,
  safeBoxes: none,
  guestMessages: none,
  complaints: none,
  tickets: none,
};
const handedOver = () =>
  newShiftHandover({
    id: '01JD0000000000000000000001',
    input: {
      storeId: '01JD0000000000000000000002',
      shiftDate: '2026-11-27',
      shiftStart: '07:00',
      cashCount: 150_000,
    },
    window: shiftWindow('2026-11-27', '07:00', starts, 'Asia/Shanghai'),
    snapshot,
    actorId: 'day-desk',
    now: new Date('2026-11-27T15:02:00+08:00'),
  });

describe('shift handovers model', () => {
  it('frontOfficeOf: shifts 07–15, 15–23, 23–07, messages reminded at 2 hours, luggage at 30 days, a lost key ¥500 by default; starts out of order are refused', () => {
    const settings = frontOfficeOf({ kind: 'hotel' });
    expect(settings.shifts.starts).toEqual(starts);
    expect(settings.messages.reminderMinutes).toBe(120);
    expect(settings.luggage.unclaimedDays).toBe(30);
    expect(settings.safeBoxes.lostKeyFee).toBe(50_000);
    expect(frontOfficeSettings.safeParse({ shifts: { starts: ['08:00', '20:00'] } }).success).toBe(true);
    expect(frontOfficeSettings.safeParse({ shifts: { starts: ['15:00', '07:00'] } }).success).toBe(false);
  });

  it('shiftWindow: 07–15 and 15–23 end at the next start; 23–07 ends the next morning; an unknown start is refused', () => {
    expect(shiftWindow('2026-11-27', '07:00', starts, 'Asia/Shanghai')).toEqual({
      startsAt: new Date('2026-11-26T23:00:00.000Z'),
      endsAt: new Date('2026-11-27T07:00:00.000Z'),
    });
    expect(shiftWindow('2026-11-30', '23:00', starts, 'Asia/Shanghai')).toEqual({
      startsAt: new Date('2026-11-30T15:00:00.000Z'),
      endsAt: new Date('2026-11-30T23:00:00.000Z'),
    });
    expect(() => shiftWindow('2026-11-27', '08:00', starts, 'Asia/Shanghai')).toThrow(
      expect.objectContaining({ code: 'unknown_shift' }),
    );
  });

  it('assertShiftStarted: a shift is handed over once begun, never ahead', () => {
    const window = shiftWindow('2026-11-27', '15:00', starts, 'Asia/Shanghai');
    expect(() => assertShiftStarted(window, new Date('2026-11-27T14:59:00+08:00'))).toThrow(
      expect.objectContaining({ code: 'shift_not_started' }),
    );
    expect(() => assertShiftStarted(window, new Date('2026-11-27T15:00:00+08:00'))).not.toThrow();
  });

  it('applyAcceptance: by another person only; once accepted, nothing changes it', () => {
    const handover = handedOver();
    expect(handover).toMatchObject({ status: 'handed_over', handedOverBy: 'day-desk', cashCount: 150_000 });
    const context = { actorId: 'day-desk', now: new Date('2026-11-27T15:05:00+08:00') };
    expect(() => applyAcceptance(handover, { version: 1 }, context)).toThrow(
      expect.objectContaining({ code: 'handover_same_person' }),
    );
    const accepted = applyAcceptance(handover, { version: 1 }, { ...context, actorId: 'night-desk' });
    expect(accepted).toMatchObject({ status: 'accepted', acceptedBy: 'night-desk', version: 2 });
    expect(accepted.snapshot).toEqual(handover.snapshot);
    expect(() => applyAcceptance(accepted, { version: 2 }, { ...context, actorId: 'manager' })).toThrow(
      expect.objectContaining({ code: 'shift_handover_accepted' }),
    );
  });
});
