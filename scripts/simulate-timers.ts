/**
 * Replays a day of a large chain through the table's key design and reports the peak write
 * rate per partition key: is any single partition near DynamoDB's per-partition limit
 * (1,000 write units per second)? Deterministic (seeded), no AWS or DynamoDB needed.
 *
 *   npx tsx scripts/simulate-timers.ts [--stores 5000] [--tickets 200] [--shards 16]
 */
import { shardOf } from '../shared/timers/keys';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const stores = argument('stores', 5000);
const ticketsPerStore = argument('tickets', 200);
const shards = argument('shards', 16);
const day = 86_400;

/** xorshift32: the same day every run. */
let seed = 0x9e3779b9;
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 0x1_0000_0000;
};

/**
 * When tickets arrive: a mall open 10:00–22:00 with lunch and evening peaks, weights per hour.
 * All stores in one time zone: the worst case, every store peaking at the same moment.
 */
const hourWeights = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 9, 12, 10, 7, 6, 6, 7, 9, 12, 11, 7, 0, 0];
const totalWeight = hourWeights.reduce((a, b) => a + b, 0);
function arrivalSecond(): number {
  let pick = random() * totalWeight;
  for (let hour = 0; hour < 24; hour++) {
    pick -= hourWeights[hour] ?? 0;
    if (pick <= 0) return hour * 3600 + Math.floor(random() * 3600);
  }
  return 21 * 3600;
}

/**
 * Write units a ticket's life puts on each index partition of the `due` index. Per SLA clock:
 * scheduled at creation (1 index write); 25 % of clocks reach their warning, which means a claim
 * (due key rewritten: delete + put = 2) and the next stage written (1); every clock ends with the
 * timer dropped when the promise is kept (1). Times after creation: first response ~20 min,
 * resolution ~3 h, warnings at 80 % of 60 and 1,440 business minutes.
 */
interface TimerWrite {
  readonly offset: number;
  readonly units: number;
}
function clockWrites(keptAfter: number, warnAfter: number, warned: boolean): TimerWrite[] {
  const writes: TimerWrite[] = [{ offset: 0, units: 1 }];
  if (warned) writes.push({ offset: warnAfter - 900, units: 2 }, { offset: warnAfter, units: 1 });
  writes.push({ offset: keptAfter, units: 1 });
  return writes;
}

const dueByShard = Array.from({ length: shards }, () => new Float64Array(day * 2));
let peakStoreCounter = 0;
let peakStoreIndex = 0;
let peakTicket = 0;
let ticketsTotal = 0;
let timerWritesTotal = 0;

for (let store = 0; store < stores; store++) {
  const perSecond = new Map<number, number>();
  for (let n = 0; n < ticketsPerStore; n++) {
    const at = arrivalSecond();
    ticketsTotal++;
    perSecond.set(at, (perSecond.get(at) ?? 0) + 1);
    const ticketId = `${store}-${n}`;
    const clocks = [
      { sk: 'first_response', kept: 60 * (5 + Math.floor(random() * 30)), warn: 48 * 60 },
      { sk: 'resolution', kept: 3600 * (1 + random() * 4), warn: 1152 * 60 },
    ];
    for (const clock of clocks) {
      const shard = shardOf(`T#tenant#TIMER#${ticketId}`, clock.sk, shards);
      for (const write of clockWrites(clock.kept, clock.warn, random() < 0.25)) {
        const second = Math.max(0, Math.min(day * 2 - 1, Math.floor(at + write.offset)));
        const series = dueByShard[shard];
        if (series) series[second] = (series[second] ?? 0) + write.units;
        timerWritesTotal += write.units;
      }
    }
  }
  // Per store and second: the day's number counter (1 transactional write = 2 units per ticket)
  // and the store's queue-view index partitions (1 unit per ticket created).
  const busiest = Math.max(...perSecond.values());
  peakStoreCounter = Math.max(peakStoreCounter, busiest * 2);
  peakStoreIndex = Math.max(peakStoreIndex, busiest);
  // A ticket's own partition: creation writes ticket + event in one transaction (2 items × 2 units).
  peakTicket = Math.max(peakTicket, 4);
}

const peakOf = (series: Float64Array) => series.reduce((max, value) => Math.max(max, value), 0);
const shardPeaks = dueByShard.map(peakOf);
const allShards = new Float64Array(day * 2);
for (const series of dueByShard)
  for (let i = 0; i < series.length; i++) allShards[i] = (allShards[i] ?? 0) + (series[i] ?? 0);

const report = {
  chain: { stores, ticketsPerStore, ticketsPerDay: ticketsTotal, shards },
  peakWriteUnitsPerSecond: {
    dueIndexBusiestShard: Math.max(...shardPeaks),
    dueIndexQuietestShardPeak: Math.min(...shardPeaks),
    dueIndexIfUnsharded: peakOf(allShards),
    storeNumberCounter: peakStoreCounter,
    storeQueueViewPartition: peakStoreIndex,
    ticketPartition: peakTicket,
  },
  dueIndexWriteUnitsPerDay: timerWritesTotal,
  perPartitionLimit: 1000,
};
console.log(JSON.stringify(report, null, 2));
const headroom = report.perPartitionLimit / report.peakWriteUnitsPerSecond.dueIndexBusiestShard;
console.log(
  `\nBusiest due-index shard peaks at ${report.peakWriteUnitsPerSecond.dueIndexBusiestShard} WU/s ` +
    `(${headroom.toFixed(0)}× under the per-partition limit); unsharded it would be ` +
    `${report.peakWriteUnitsPerSecond.dueIndexIfUnsharded} WU/s on one key.`,
);
