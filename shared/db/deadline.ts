import { AsyncLocalStorage } from 'node:async_hooks';
import { unavailable } from '../errors';

/**
 * A request never outlives its answer. The route wrapper (shared/http/handler.ts) runs each
 * request inside `withDeadline`, from the Lambda context's remaining time; the data layer asks
 * `timeLeft()` before it tries again, so retries stop while there is still time to answer (and,
 * for a ticket, to void its reserved number). Work outside a request (queue consumers, the
 * sweeper) has no deadline here and keeps its own bounded retries.
 */
const deadlines = new AsyncLocalStorage<number>();

/**
 * Time kept back for the answer: the last write of a failure path (a void entry) and the
 * response itself. A retry is only started with more than this left.
 */
export const safetyMarginMs = 2_000;

export function withDeadline<T>(remainingMs: number, work: () => Promise<T>): Promise<T> {
  return deadlines.run(Date.now() + remainingMs, work);
}

/** Milliseconds until the request must have answered, less the margin; Infinity outside a request. */
export function timeLeft(): number {
  const deadline = deadlines.getStore();
  return deadline === undefined ? Number.POSITIVE_INFINITY : deadline - safetyMarginMs - Date.now();
}

/** Throws the 503 `deadline` problem (nothing written yet) when no time is left for more work. */
export function assertTimeLeft(needMs = 0): void {
  if (timeLeft() <= needMs) {
    throw unavailable(
      'deadline',
      'The service is busy and could not finish in time; nothing was written. Retry.',
    );
  }
}

/** Time a create keeps after its transaction is cut off: for its void entry and the answer. */
const answerReserveMs = 1_000;

/**
 * Send options that abort a call shortly before the deadline. Only for calls whose outcome the
 * caller settles afterwards (a ticket's transaction is settled by voiding its number): an
 * aborted call may still have reached DynamoDB.
 */
export function cutOffAtDeadline(): { abortSignal?: AbortSignal } {
  const left = timeLeft();
  if (left === Number.POSITIVE_INFINITY) return {};
  return { abortSignal: AbortSignal.timeout(Math.max(1, left + safetyMarginMs - answerReserveMs)) };
}

/** True for the error a call cut off by `cutOffAtDeadline` fails with. */
export const isCutOff = (error: unknown) => error instanceof Error && error.name === 'AbortError';
