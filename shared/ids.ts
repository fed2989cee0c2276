import { monotonicFactory } from 'ulidx';

const nextUlid = monotonicFactory();

/** ULIDs sort by creation time, so an id doubles as a chronological sort key. */
export function newId(now: Date): string {
  return nextUlid(now.getTime());
}

export const ulidPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;
