import { timerEntity } from './entities';

/**
 * Timer items live with their tenant: `T#<t>#TIMER#<subjectId>` / `<purpose>`. Due ones are
 * also in the sparse `due` index, spread over shards by a hash of their key so no single
 * partition takes every timer of the chain: `DUE#<0..shards-1>` / `<time>#<subject>#<purpose>`,
 * where time is the due time while scheduled, and the lease end once dispatched (so an
 * unfinished timer comes back to the sweeper by itself).
 */
export const dueShards = 16;

export const timerKey = (tenantId: string, subjectId: string, purpose: string) =>
  timerEntity.key({ tenantId, subjectId, purpose });

/** FNV-1a: stable across runtimes, cheap, evenly spread for our keys. */
export function shardOf(pk: string, sk: string, shards = dueShards): number {
  let hash = 0x811c9dc5;
  for (const char of `${pk}|${sk}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

export const duePartition = (shard: number) => `DUE#${shard}`;

export const dueSortKey = (time: string, pk: string, sk: string) =>
  `${time}#${pk.split('#TIMER#')[1] ?? pk}#${sk}`;

/** Sorts after every due sort key at or before `time`. */
export const dueHorizon = (time: string) => `${time}~`;
