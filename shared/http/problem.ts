import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type ErrorKind, type FieldIssue } from '../errors';

/** RFC 9457 problem details, as every error response of the API carries them. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly FieldIssue[];
  readonly instance?: string;
}

const problemKinds: Record<ErrorKind, { status: number; title: string }> = {
  invalid_input: { status: 400, title: 'Invalid input' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  rule_refused: { status: 422, title: 'Refused by a business rule' },
  unavailable: { status: 503, title: 'Service unavailable' },
};

/** Seconds a caller should wait before retrying a 503: contention clears within moments. */
export const retryAfterSeconds = 1;

const problemTypeBase = 'https://service-desk.dev/problems/';

export function problemFromError(error: unknown, requestId?: string): Problem {
  if (error instanceof DomainError) {
    const { status, title } = problemKinds[error.kind];
    return {
      type: `${problemTypeBase}${error.kind.replaceAll('_', '-')}`,
      title,
      status,
      detail: error.message,
      code: error.code,
      ...(error.issues.length > 0 ? { errors: error.issues } : {}),
      ...(requestId ? { instance: `urn:request:${requestId}` } : {}),
    };
  }
  // Never leak internals: the log has the stack, the caller gets the request id to quote.
  return {
    type: `${problemTypeBase}internal`,
    title: 'Internal error',
    status: 500,
    detail: 'Something went wrong on our side. Quote the instance when reporting it.',
    code: 'internal',
    ...(requestId ? { instance: `urn:request:${requestId}` } : {}),
  };
}

export function problemResponse(problem: Problem): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: problem.status,
    headers: {
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
      ...(problem.status === 503 ? { 'retry-after': String(retryAfterSeconds) } : {}),
    },
    body: JSON.stringify(problem),
  };
}
