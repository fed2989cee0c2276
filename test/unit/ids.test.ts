import { describe, expect, it } from 'vitest';

describe('ids', () => {
  it('carry their own creation time even when the clock moves back', async () => {
    const { newId } = await import('../../shared/ids');
    const { decodeTime } = await import('ulidx');
    const later = new Date('2026-12-01T00:00:00Z');
    const earlier = new Date('2026-11-26T00:00:00Z');
    const first = newId(later);
    const second = newId(earlier);
    expect(decodeTime(first)).toBe(later.getTime());
    expect(decodeTime(second)).toBe(earlier.getTime());
    const sameMs = [newId(earlier), newId(earlier), newId(earlier)];
    expect([...sameMs].sort()).toEqual(sameMs);
  });
});
