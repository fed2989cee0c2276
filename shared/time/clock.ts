/**
 * The only place that reads the wall clock. Handlers take `now` from here once per request and
 * pass it down; domain code never calls it. The local runtime shifts it to test timers in seconds.
 */
let offsetMs = 0;

export function currentTime(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Local runtime and tests only: move the service's notion of now. */
export function setClockOffset(ms: number): void {
  offsetMs = ms;
}

export function clockOffset(): number {
  return offsetMs;
}
