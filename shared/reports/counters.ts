/*
 * The counters of a day (per store, per staff member): flat names, each an integer that only
 * ever grows by atomic ADDs, so any two sets of contributions add up in any order.
 */

/** Counter name → amount. Absent means 0. */
export type Counters = Record<string, number>;

/**
 * Fixed upper bounds (business minutes, inclusive) of the duration buckets; a sample above the
 * last one lands in `gt10080`. Fixed bounds make buckets of different days add up, and the
 * median of any range is estimated from the summed buckets (`estimateMedian`).
 * 15 min … 1 week: finer where desk work lives (first responses in minutes), coarser for repairs.
 */
export const minuteBuckets = [15, 30, 60, 120, 240, 480, 960, 1440, 2880, 4320, 10080] as const;
export const overflowBucket = 'gt10080';

export const bucketName = (minutes: number): string => {
  const bound = minuteBuckets.find((upper) => minutes <= upper);
  return bound === undefined ? overflowBucket : `le${bound}`;
};

/** One duration sample: its count, its sum and its bucket. */
export function durationCounters(metric: string, minutes: number): Counters {
  return { [`${metric}.count`]: 1, [`${metric}.minutes`]: minutes, [`${metric}.${bucketName(minutes)}`]: 1 };
}

export function addCounters(into: Counters, more: Readonly<Counters>): Counters {
  for (const [name, amount] of Object.entries(more)) into[name] = (into[name] ?? 0) + amount;
  return into;
}

/** Counters without the zero entries, so two sums compare equal whatever names they touched. */
export function nonZero(counters: Readonly<Counters>): Counters {
  return Object.fromEntries(Object.entries(counters).filter(([, amount]) => amount !== 0));
}

/**
 * The median of the samples of `metric` estimated from its buckets: the upper bound of the bucket
 * holding the middle sample (an upper estimate; exact to the bucket). Undefined without samples;
 * `null` when the middle sample is beyond the last bound.
 */
export function estimateMedian(counters: Readonly<Counters>, metric: string): number | null | undefined {
  const count = counters[`${metric}.count`] ?? 0;
  if (count === 0) return undefined;
  const middle = Math.ceil(count / 2);
  let seen = 0;
  for (const upper of minuteBuckets) {
    seen += counters[`${metric}.le${upper}`] ?? 0;
    if (seen >= middle) return upper;
  }
  return null;
}
