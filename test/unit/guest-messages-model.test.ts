import { describe, expect, it } from 'vitest';
import {
  applyAcknowledgement,
  applyDelivery,
  guestMessageTimerOf,
  markUndeliveredReminded,
  newGuestMessage,
} from '../../shared/guest-messages/model';

const at = (value: string) => new Date(value);
const taken = () =>
  newGuestMessage({
    id: '01JD0000000000000000000001',
    input: { storeId: '01JD0000000000000000000002', room: '1203', from: '李经理', content: '请回电' },
    reminderMinutes: 120,
    actorId: 'desk',
    now: at('2026-11-27T09:00:00+08:00'),
  });

describe('guest messages model', () => {
  it('newGuestMessage, guestMessageTimerOf: undelivered, one reminder two hours after it was taken', () => {
    const message = taken();
    expect(message).toMatchObject({ status: 'undelivered', takenBy: 'desk', version: 1 });
    expect(guestMessageTimerOf(message)).toEqual({
      stage: 'undelivered',
      dueAt: '2026-11-27T03:00:00.000Z',
    });
    const reminded = markUndeliveredReminded(message, at('2026-11-27T11:00:05+08:00'));
    expect(reminded).toMatchObject({ status: 'undelivered', version: 2 });
    expect(guestMessageTimerOf(reminded)).toBeUndefined();
    expect(reminded.history.map((entry) => entry.what)).toEqual(['taken', 'undelivered_reminded']);
  });

  it('applyDelivery: delivered ends the reminder; a second delivery is refused', () => {
    const delivered = applyDelivery(
      taken(),
      { version: 1, how: 'under_door' },
      { actorId: 'desk', now: at('2026-11-27T09:30:00+08:00') },
    );
    expect(delivered).toMatchObject({ status: 'delivered', delivery: { how: 'under_door', by: 'desk' } });
    expect(guestMessageTimerOf(delivered)).toBeUndefined();
    expect(() =>
      applyDelivery(delivered, { version: 2, how: 'in_person' }, { actorId: 'desk', now: new Date() }),
    ).toThrow(/already delivered/);
  });

  it('applyAcknowledgement: from undelivered or delivered, once', () => {
    const read = applyAcknowledgement(
      taken(),
      { version: 1 },
      { actorId: 'desk', now: at('2026-11-27T10:00:00+08:00') },
    );
    expect(read).toMatchObject({ status: 'acknowledged', acknowledgedAt: '2026-11-27T02:00:00.000Z' });
    expect(guestMessageTimerOf(read)).toBeUndefined();
    expect(() => applyAcknowledgement(read, { version: 2 }, { actorId: 'desk', now: new Date() })).toThrow(
      /already acknowledged/,
    );
  });
});
