import { describe, expect, it } from 'vitest';
import { applyAccess, applyClose, newSafeBox } from '../../shared/safe-boxes/model';

const at = (value: string) => new Date(value);
const opened = () =>
  newSafeBox({
    id: '01JD0000000000000000000001',
    input: {
      storeId: '01JD0000000000000000000002',
      boxNumber: 'b-03',
      guestName: '王先生',
      room: '1203',
      idType: 'resident_id',
      idLast4: '002x',
      signatureRef: 'SB-1',
    },
    actorId: 'desk',
    now: at('2026-11-27T09:00:00+08:00'),
  });

describe('safe boxes model', () => {
  it('newSafeBox, applyAccess: open under an upper-cased box number; each access logged with who, when and the signature', () => {
    const box = opened();
    expect(box).toMatchObject({ status: 'open', boxNumber: 'B-03', idLast4: '002X', accesses: 0 });
    const once = applyAccess(
      box,
      { version: 1, signatureRef: 'SB-2' },
      { actorId: 'night', now: at('2026-11-27T22:00:00+08:00') },
    );
    expect(once).toMatchObject({ accesses: 1, version: 2 });
    expect(once.history.at(-1)).toEqual({
      at: '2026-11-27T14:00:00.000Z',
      by: 'night',
      what: 'accessed',
      signatureRef: 'SB-2',
    });
  });

  it('applyClose: key returned → no fee; key not returned → the store’s fee recorded; nothing after closing', () => {
    const context = { actorId: 'desk', now: at('2026-11-28T12:00:00+08:00'), lostKeyFee: 50_000 };
    const returned = applyClose(opened(), { version: 1, keyReturned: true, signatureRef: 'SB-3' }, context);
    expect(returned).toMatchObject({ status: 'closed', closedAt: '2026-11-28T04:00:00.000Z' });
    expect(returned.keyNotReturned).toBeUndefined();
    const lost = applyClose(opened(), { version: 1, keyReturned: false, signatureRef: 'SB-3' }, context);
    expect(lost.keyNotReturned).toEqual({ fee: 50_000, currency: 'CNY' });
    expect(lost.history.map((entry) => entry.what)).toEqual(['opened', 'closed', 'key_not_returned']);
    expect(() => applyAccess(lost, { version: 2, signatureRef: 'x' }, context)).toThrow(
      expect.objectContaining({ code: 'safe_box_closed' }),
    );
  });

  it('applyAccess: a full card refuses another access (the item stays far below 400 KB)', () => {
    let box = opened();
    const context = { actorId: 'desk', now: at('2026-11-28T12:00:00+08:00') };
    for (let i = 0; i < 297; i++)
      box = applyAccess(box, { version: box.version, signatureRef: `S${i}` }, context);
    expect(box.history).toHaveLength(298);
    expect(() => applyAccess(box, { version: box.version, signatureRef: 'x' }, context)).toThrow(
      expect.objectContaining({ code: 'safe_box_log_full' }),
    );
    expect(
      applyClose(
        box,
        { version: box.version, keyReturned: true, signatureRef: 'y' },
        { ...context, lostKeyFee: 0 },
      ).history,
    ).toHaveLength(299);
  });
});
