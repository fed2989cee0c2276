import { TZDate } from '@date-fns/tz';
import { DomainError } from '../errors';
import type { CancelWakeUpCallInput, RecordWakeUpAttemptInput } from './schema';
import type { WakeUpCall, WakeUpCallAttempt, WakeUpHistoryEntry } from './views';

/*
 * Pure wake-up call (叫醒服务) changes: the call as read, the request, the actor and `now` in; the
 * new call, and whom to tell, out. The timer a call needs is a function of the call alone
 * (`wakeUpTimerOf`), so the repository reschedules it whenever that changes.
 */

const minuteMs = 60_000;

/** Who is told: the desk on duty (front desk staff of the store), or the duty managers. */
export type Audience = 'desk' | 'duty_managers';
export type WakeUpNoticeKind =
  | 'wake_up_due'
  | 'wake_up_overdue'
  | 'wake_up_visit_needed'
  | 'wake_up_decision_needed';
export interface WakeUpNotice {
  readonly kind: WakeUpNoticeKind;
  readonly to: Audience;
  /** The call it is about (its number). */
  readonly call: number;
}

export interface WakeUpChange {
  readonly call: WakeUpCall;
  readonly notice?: WakeUpNotice;
  /** The occurrence ended (done or cancelled): a daily series schedules its next day. */
  readonly ended: boolean;
}

/** The instant a wall-clock day and time make in `timezone` (a time skipped by DST moves on). */
export function localInstant(date: string, time: string, timezone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, day, hour, minute, timezone).getTime());
}

/** The calendar day after `date` (YYYY-MM-DD). */
export function dayAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

export function newWakeUpCall(fields: {
  id: string;
  seriesId?: string;
  storeId: string;
  room: string;
  guestName: string;
  date: string;
  time: string;
  timezone: string;
  repeat: 'once' | 'daily';
  until?: string | undefined;
  note?: string | undefined;
  rules: WakeUpCall['rules'];
  takenBy: string;
  actorId: string;
  now: Date;
  /** For a series' later day: why this entry was written. */
  historyDetail?: string;
}): WakeUpCall {
  const at = fields.now.toISOString();
  const dueAt = localInstant(fields.date, fields.time, fields.timezone).toISOString();
  return {
    id: fields.id,
    storeId: fields.storeId,
    seriesId: fields.seriesId ?? fields.id,
    room: fields.room,
    guestName: fields.guestName,
    date: fields.date,
    time: fields.time,
    timezone: fields.timezone,
    dueAt,
    repeat: fields.repeat,
    ...(fields.until ? { until: fields.until } : {}),
    ...(fields.note ? { note: fields.note } : {}),
    status: 'scheduled',
    calls: [{ n: 1, dueAt }],
    rules: fields.rules,
    takenBy: fields.takenBy,
    history: [
      {
        at,
        by: fields.actorId,
        what: 'requested',
        detail: fields.historyDetail ?? `${fields.date} ${fields.time} room ${fields.room}`,
      },
    ],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

const isOpen = (call: WakeUpCall) => call.status !== 'done' && call.status !== 'cancelled';

/** The call still waiting for its outcome, if any: always the last one. */
export function pendingCall(call: WakeUpCall): WakeUpCallAttempt | undefined {
  const last = call.calls[call.calls.length - 1];
  return last && last.outcome === undefined && (call.status === 'scheduled' || call.status === 'calling')
    ? last
    : undefined;
}

/**
 * What the call's timer must be: tell the desk at the pending call's time; once told, escalate
 * to the duty manager if nothing is recorded within the overdue minutes; nothing otherwise.
 */
export function wakeUpTimerOf(call: WakeUpCall): { stage: string; dueAt: string } | undefined {
  const pending = pendingCall(call);
  if (!pending || pending.escalatedAt) return undefined;
  if (!pending.toldAt) return { stage: `tell:${pending.n}`, dueAt: pending.dueAt };
  const overdue = Date.parse(pending.dueAt) + call.rules.overdueMinutes * minuteMs;
  return { stage: `overdue:${pending.n}`, dueAt: new Date(overdue).toISOString() };
}

const changed = (
  call: WakeUpCall,
  now: Date,
  changes: Partial<WakeUpCall>,
  history: readonly WakeUpHistoryEntry[],
): WakeUpCall => ({
  ...call,
  ...changes,
  history: [...call.history, ...history],
  updatedAt: now.toISOString(),
  version: call.version + 1,
});

const withPending = (call: WakeUpCall, update: Partial<WakeUpCallAttempt>): WakeUpCallAttempt[] =>
  call.calls.map((entry, index) => (index === call.calls.length - 1 ? { ...entry, ...update } : entry));

/** The timer's step `stage` (from `wakeUpTimerOf`) is due: tell the desk, or escalate. */
export function applyTimerStep(call: WakeUpCall, stage: string, now: Date): WakeUpChange {
  const pending = pendingCall(call);
  if (!pending) throw new Error(`wake-up ${call.id}: no pending call for ${stage}`);
  const at = now.toISOString();
  if (stage.startsWith('tell:')) {
    return {
      call: changed(call, now, { status: 'calling', calls: withPending(call, { toldAt: at }) }, [
        { at, by: 'timer', what: 'told', detail: `call ${pending.n}` },
      ]),
      notice: { kind: 'wake_up_due', to: 'desk', call: pending.n },
      ended: false,
    };
  }
  return {
    call: changed(call, now, { calls: withPending(call, { escalatedAt: at }) }, [
      { at, by: 'timer', what: 'escalated', detail: `call ${pending.n} not recorded` },
    ]),
    notice: { kind: 'wake_up_overdue', to: 'duty_managers', call: pending.n },
    ended: false,
  };
}

const refused = (code: string, detail: string) => new DomainError('rule_refused', code, detail);

/** Calls made before this long ahead of their time are refused: a slip of the desk, not a wake-up. */
export const earliestCallMinutes = 10;

/** Most calls one occurrence takes, decisions to call again included. */
export const maxCallsPerOccurrence = 12;

/**
 * Records a call's outcome, a visit, or the duty manager's decision. Answered → done; no answer
 * → again after the retry minutes, and after the last call someone goes to the room; do not
 * disturb → the duty manager decides (only supervisors and managers may).
 */
export function applyAttempt(
  call: WakeUpCall,
  input: RecordWakeUpAttemptInput,
  context: { actorId: string; mayDecide: boolean; now: Date },
): WakeUpChange {
  if (!isOpen(call)) {
    throw new DomainError(
      'conflict',
      'wake_up_closed',
      `A ${call.status} wake-up call takes no more changes.`,
    );
  }
  const { now, actorId } = context;
  const at = now.toISOString();
  const note = input.note ? { detail: input.note } : {};
  switch (input.outcome) {
    case 'answered':
    case 'no_answer':
    case 'do_not_disturb': {
      const pending = pendingCall(call);
      if (!pending)
        throw refused('wake_up_not_calling', `The wake-up call is ${call.status}; no call is pending.`);
      if (Date.parse(pending.dueAt) - now.getTime() > earliestCallMinutes * minuteMs) {
        throw refused('wake_up_not_due', `Call ${pending.n} is due at ${pending.dueAt}.`);
      }
      const calls = withPending(call, { outcome: input.outcome, recordedAt: at, recordedBy: actorId });
      const recorded: WakeUpHistoryEntry = {
        at,
        by: actorId,
        what: 'call_recorded',
        detail: `call ${pending.n}: ${input.outcome}${input.note ? ` (${input.note})` : ''}`,
      };
      if (input.outcome === 'answered') {
        return {
          call: changed(call, now, { calls, status: 'done', closedAs: 'answered' }, [
            recorded,
            { at, by: actorId, what: 'done' },
          ]),
          ended: true,
        };
      }
      if (input.outcome === 'do_not_disturb') {
        return {
          call: changed(call, now, { calls, status: 'awaiting_decision' }, [
            recorded,
            { at, by: actorId, what: 'decision_requested' },
          ]),
          notice: { kind: 'wake_up_decision_needed', to: 'duty_managers', call: pending.n },
          ended: false,
        };
      }
      if (pending.n >= call.rules.maxCalls) {
        return {
          call: changed(call, now, { calls, status: 'visit_needed', visit: { requestedAt: at } }, [
            recorded,
            { at, by: actorId, what: 'visit_requested', detail: `no answer after ${pending.n} calls` },
          ]),
          notice: { kind: 'wake_up_visit_needed', to: 'duty_managers', call: pending.n },
          ended: false,
        };
      }
      const again = new Date(now.getTime() + call.rules.retryMinutes * minuteMs).toISOString();
      return {
        call: changed(call, now, { calls: [...calls, { n: pending.n + 1, dueAt: again }] }, [recorded]),
        ended: false,
      };
    }
    case 'visited': {
      if (call.status !== 'visit_needed' || !call.visit) {
        throw refused('wake_up_no_visit', `The wake-up call is ${call.status}; nobody was sent to the room.`);
      }
      return {
        call: changed(
          call,
          now,
          {
            status: 'done',
            closedAs: 'visited',
            visit: {
              ...call.visit,
              ...(input.visitedBy ? { visitedBy: input.visitedBy } : {}),
              ...(input.visitResult ? { result: input.visitResult } : {}),
              recordedAt: at,
              recordedBy: actorId,
            },
          },
          [
            { at, by: actorId, what: 'visit_recorded', detail: `${input.visitedBy}: ${input.visitResult}` },
            { at, by: actorId, what: 'done', ...note },
          ],
        ),
        ended: true,
      };
    }
    case 'decided': {
      if (call.status !== 'awaiting_decision') {
        throw refused('wake_up_no_decision', `The wake-up call is ${call.status}; no decision is asked for.`);
      }
      if (!context.mayDecide) {
        throw new DomainError(
          'forbidden',
          'duty_manager_decides',
          'A do-not-disturb is the duty manager’s call.',
        );
      }
      const decision = {
        decision: input.decision ?? 'leave',
        at,
        by: actorId,
        ...(input.note ? { note: input.note } : {}),
      };
      const decided: WakeUpHistoryEntry = { at, by: actorId, what: 'decided', detail: decision.decision };
      if (decision.decision === 'leave') {
        return {
          call: changed(call, now, { decision, status: 'done', closedAs: 'left_per_dnd' }, [
            decided,
            { at, by: actorId, what: 'done' },
          ]),
          ended: true,
        };
      }
      if (decision.decision === 'send_person') {
        return {
          call: changed(call, now, { decision, status: 'visit_needed', visit: { requestedAt: at } }, [
            decided,
            { at, by: actorId, what: 'visit_requested', detail: 'duty manager decided' },
          ]),
          ended: false,
        };
      }
      const last = call.calls[call.calls.length - 1];
      const n = (last?.n ?? 0) + 1;
      if (n > maxCallsPerOccurrence) {
        throw refused(
          'wake_up_too_many_calls',
          `An occurrence takes at most ${maxCallsPerOccurrence} calls.`,
        );
      }
      return {
        call: changed(call, now, { decision, status: 'calling', calls: [...call.calls, { n, dueAt: at }] }, [
          decided,
        ]),
        ended: false,
      };
    }
  }
}

export function applyCancel(
  call: WakeUpCall,
  input: CancelWakeUpCallInput,
  context: { actorId: string; now: Date },
): WakeUpChange {
  if (!isOpen(call)) {
    throw new DomainError(
      'conflict',
      'wake_up_closed',
      `A ${call.status} wake-up call takes no more changes.`,
    );
  }
  const at = context.now.toISOString();
  return {
    call: changed(call, context.now, { status: 'cancelled', closedAs: 'cancelled' }, [
      {
        at,
        by: context.actorId,
        what: 'cancelled',
        detail: `${input.scope}${input.reason ? `: ${input.reason}` : ''}`,
      },
    ]),
    // Cancelling the series ends it here; cancelling one day lets the series go on.
    ended: input.scope === 'occurrence',
  };
}

/**
 * The next day of a daily series once this one ended, with the rules it was taken with; none
 * after `until`. The ended occurrence gets a history line and a link to it.
 */
export function nextOccurrence(
  ended: WakeUpCall,
  context: { id: string; actorId: string; now: Date },
): { ended: WakeUpCall; next: WakeUpCall } | undefined {
  if (ended.repeat !== 'daily' || !ended.until) return undefined;
  const date = dayAfter(ended.date);
  if (date > ended.until) return undefined;
  const next = newWakeUpCall({
    id: context.id,
    seriesId: ended.seriesId,
    storeId: ended.storeId,
    room: ended.room,
    guestName: ended.guestName,
    date,
    time: ended.time,
    timezone: ended.timezone,
    repeat: 'daily',
    until: ended.until,
    note: ended.note,
    rules: ended.rules,
    takenBy: ended.takenBy,
    actorId: context.actorId,
    now: context.now,
    historyDetail: `daily series ${ended.seriesId}, after ${ended.date}`,
  });
  const at = context.now.toISOString();
  return {
    ended: {
      ...ended,
      nextId: next.id,
      history: [
        ...ended.history,
        { at, by: context.actorId, what: 'next_scheduled', detail: `${date} ${next.id}` },
      ],
    },
    next,
  };
}
