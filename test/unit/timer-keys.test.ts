import { describe, expect, it } from 'vitest';
import { dueHorizon, dueShards, dueSortKey, shardOf } from '../../shared/timers/keys';

/** The SQS adapter at its SDK boundary: the only place the SQS client is mocked. */

describe('due index keys', () => {
  it('spread timers over every shard, the same way every time', () => {
    const counts = new Array(dueShards).fill(0);
    for (let i = 0; i < 16_000; i++) counts[shardOf(`T#t#TIMER#${i}`, 'resolution')]++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
    expect(shardOf('T#a#TIMER#x', 'first_response')).toBe(shardOf('T#a#TIMER#x', 'first_response'));
  });

  it('sort due keys by time and keep them under the horizon of their time', () => {
    const early = dueSortKey('2026-11-30T01:00:00.000Z', 'T#a#TIMER#x', 'resolution');
    const late = dueSortKey('2026-11-30T02:00:00.000Z', 'T#a#TIMER#x', 'resolution');
    expect(early < late).toBe(true);
    expect(early <= dueHorizon('2026-11-30T01:00:00.000Z')).toBe(true);
    expect(late <= dueHorizon('2026-11-30T01:59:59.999Z')).toBe(false);
  });
});
