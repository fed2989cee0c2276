import { monotonicFactory } from 'ulidx';

let nextUlid = monotonicFactory();
let lastTime = 0;

/**
 * ULIDs sort by creation time, so an id doubles as a chronological sort key (the queue views
 * and created-time ranges rely on it). Within one millisecond they stay monotonic. If the clock
 * moves back (the local clock can be set), start afresh so an id always carries its own time.
 */
export function newId(now: Date): string {
  const time = now.getTime();
  if (time < lastTime) nextUlid = monotonicFactory();
  lastTime = time;
  return nextUlid(time);
}

export const ulidPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;
