/**
 * Named domain errors. Use cases throw these; exactly one module (shared/http/problem.ts)
 * turns them into HTTP problem responses.
 */
export type ErrorKind =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rule_refused'
  /** Could not be done in time (contention, the deadline): nothing was written; retry later. */
  | 'unavailable';

export interface FieldIssue {
  /** Where the bad value came from. */
  readonly in: 'body' | 'query' | 'path' | 'header';
  /** Dotted path inside that part, e.g. `items.0.amount`; empty for the part as a whole. */
  readonly path: string;
  readonly message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable machine-readable reason, e.g. `store_code_taken`. */
    readonly code: string,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalidInput = (issues: readonly FieldIssue[], detail = 'The request has invalid fields.') =>
  new DomainError('invalid_input', 'invalid_input', detail, issues);

export const notFound = (what: string) =>
  new DomainError('not_found', `${what}_not_found`, `No such ${what}.`);

export const forbidden = (code: string, detail: string) => new DomainError('forbidden', code, detail);

export const conflict = (code: string, detail: string) => new DomainError('conflict', code, detail);

/** The one answer to a stale `version` (optimistic locking) on any entity. */
export const versionConflict = (what: string) =>
  conflict('version_conflict', `The ${what} changed since it was read; read it again and retry.`);

export const ruleRefused = (code: string, detail: string) => new DomainError('rule_refused', code, detail);

/** Nothing was written and a retry after a moment should succeed (answered 503 with Retry-After). */
export const unavailable = (code: 'contention' | 'deadline', detail: string) =>
  new DomainError('unavailable', code, detail);
