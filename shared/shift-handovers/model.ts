import { TZDate } from '@date-fns/tz';
import { DomainError, ruleRefused } from '../errors';
import type { AcceptShiftHandoverInput, CreateShiftHandoverInput } from './schema';
import type { ShiftHandover, ShiftSnapshot } from './views';

/** Pure handover rules: the shift's window, the handover, its acceptance. */

const instantAt = (date: string, time: string, timezone: string): Date => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, day, hours, minutes, 0, timezone).getTime());
};

/**
 * The shift that starts at `start` on the local day `date`, as instants: it ends where the next
 * start of the store's shifts begins (the first start of the next day after the last one).
 */
export function shiftWindow(
  date: string,
  start: string,
  starts: readonly string[],
  timezone: string,
): { startsAt: Date; endsAt: Date } {
  const index = starts.indexOf(start);
  if (index < 0) {
    throw new DomainError(
      'rule_refused',
      'unknown_shift',
      `The store's shifts start at ${starts.join(', ')}.`,
      [{ in: 'body', path: 'shiftStart', message: `Expected one of ${starts.join(', ')}.` }],
    );
  }
  const startsAt = instantAt(date, start, timezone);
  const next = starts[index + 1];
  if (next !== undefined) return { startsAt, endsAt: instantAt(date, next, timezone) };
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const following = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  return { startsAt, endsAt: instantAt(following, starts[0] ?? start, timezone) };
}

/** A shift is handed over once it has begun (usually at its end), never ahead of time. */
export function assertShiftStarted(window: { startsAt: Date }, now: Date): void {
  if (window.startsAt.getTime() > now.getTime()) {
    throw ruleRefused('shift_not_started', 'That shift has not started yet; hand over the shift you worked.');
  }
}

export function newShiftHandover(fields: {
  id: string;
  input: CreateShiftHandoverInput;
  window: { startsAt: Date; endsAt: Date };
  snapshot: ShiftSnapshot;
  actorId: string;
  now: Date;
}): ShiftHandover {
  const { input, now } = fields;
  const at = now.toISOString();
  return {
    id: fields.id,
    storeId: input.storeId,
    shiftDate: input.shiftDate,
    shiftStart: input.shiftStart,
    shiftStartsAt: fields.window.startsAt.toISOString(),
    shiftEndsAt: fields.window.endsAt.toISOString(),
    cashCount: input.cashCount,
    currency: 'CNY',
    ...(input.notes ? { notes: input.notes } : {}),
    snapshot: fields.snapshot,
    status: 'handed_over',
    handedOverBy: fields.actorId,
    handedOverAt: at,
    history: [{ at, by: fields.actorId, what: 'handed_over', detail: `cash ${input.cashCount} CNY` }],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/**
 * The incoming person accepts (both sign): never the one who handed over. An accepted handover
 * is immutable: nothing changes it again.
 */
export function applyAcceptance(
  handover: ShiftHandover,
  input: AcceptShiftHandoverInput,
  context: { actorId: string; now: Date },
): ShiftHandover {
  if (handover.status !== 'handed_over') {
    throw new DomainError(
      'conflict',
      'shift_handover_accepted',
      'The handover was accepted; it can no longer change.',
    );
  }
  if (handover.handedOverBy === context.actorId) {
    throw ruleRefused('handover_same_person', 'The person who handed the shift over cannot also accept it.');
  }
  const at = context.now.toISOString();
  return {
    ...handover,
    status: 'accepted',
    acceptedBy: context.actorId,
    acceptedAt: at,
    history: [
      ...handover.history,
      { at, by: context.actorId, what: 'accepted', ...(input.note ? { detail: input.note } : {}) },
    ],
    updatedAt: at,
    version: handover.version + 1,
  };
}
