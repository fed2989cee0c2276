import { createHash } from 'node:crypto';
import type { ZodMiniType } from 'zod/mini';
import { assertRole, type Principal, principalFromClaims } from '../access/principal';
import { type IdempotencyClaim, once, type RememberedResponse } from '../db/idempotency';
import { DomainError } from '../errors';
import { logger } from '../observability/logger';
import { currentTime } from '../time/clock';
import {
  type HttpEvent,
  type HttpHandler,
  type HttpResult,
  type PublicRequest,
  readJsonBody,
  wrap,
} from './handler';
import { preferredLanguage } from './language';
import type { HttpRoute } from './route';
import { parseRequestParts } from './validation';

/*
 * Routes behind the JWT authorizer. Kept apart from ./handler so public routes (health, the 404)
 * bundle neither the DynamoDB client nor the idempotency store, and need no table to start.
 */

export interface AuthenticatedRequest<B, Q, P> extends PublicRequest {
  readonly principal: Principal;
  readonly body: B;
  readonly query: Q;
  readonly params: P;
  /** Present when a creating route was called with an Idempotency-Key; pass it to the create. */
  readonly idempotency: IdempotencyClaim | undefined;
}

const idempotencyKeyPattern = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Reads the Idempotency-Key header of a creating request, if any. */
function idempotencyClaim(routeName: string, event: HttpEvent, what: unknown): IdempotencyClaim | undefined {
  const key = event.headers?.['idempotency-key'];
  if (key === undefined) return undefined;
  if (!idempotencyKeyPattern.test(key)) {
    throw new DomainError('invalid_input', 'invalid_input', 'The Idempotency-Key header is malformed.', [
      { in: 'header', path: 'idempotency-key', message: 'Use 1–128 letters, digits, or . _ : -' },
    ]);
  }
  const fingerprint = createHash('sha256').update(JSON.stringify(what)).digest('base64url');
  return { scope: routeName, key, fingerprint };
}

/** A creating route answers 201; its replays answer the same. */
const replayed = (response: RememberedResponse): HttpResult => ({
  status: 201,
  body: response.body,
  headers: { 'idempotent-replayed': 'true' },
});

/**
 * A route behind the JWT authorizer: claims → principal, role check from the route table,
 * then body, query and path parameters validated together so one 400 names every bad field.
 */
export interface RouteSchemas<B = unknown, Q = unknown, P = unknown> {
  readonly body?: ZodMiniType<B>;
  readonly query?: ZodMiniType<Q>;
  readonly params?: ZodMiniType<P>;
}

/** The handler, carrying the schemas it validates with, so tests can generate inputs from them. */
export type AuthenticatedHandler = HttpHandler & { readonly schemas: RouteSchemas };

export function authenticatedRoute<B = undefined, Q = undefined, P = undefined>(
  route: HttpRoute,
  schemas: RouteSchemas<B, Q, P>,
  run: (request: AuthenticatedRequest<B, Q, P>) => Promise<HttpResult>,
): AuthenticatedHandler {
  const creates = route.method === 'POST' && route.idempotent === true;
  const handler = wrap(route, async (event) => {
    const principal = principalFromClaims(event.requestContext?.authorizer?.jwt?.claims);
    logger.appendKeys({ tenantId: principal.tenantId, userId: principal.userId });
    assertRole(principal, route.roles);
    const rawBody = schemas.body ? readJsonBody(event) : undefined;
    const parts = parseRequestParts(
      {
        body: schemas.body ? [schemas.body, rawBody] : undefined,
        query: schemas.query ? [schemas.query, event.queryStringParameters ?? {}] : undefined,
        params: schemas.params ? [schemas.params, event.pathParameters ?? {}] : undefined,
      },
      preferredLanguage(event.headers?.['accept-language']),
    );
    const now = currentTime();
    const idempotency = creates
      ? idempotencyClaim(`${route.method} ${route.path}`, event, {
          // Who asked is part of what was asked: another user's retry with the same key is refused.
          userId: principal.userId,
          body: rawBody,
          params: event.pathParameters,
        })
      : undefined;
    const request = {
      ...parts,
      principal,
      now,
      idempotency,
      requestId: event.requestContext?.requestId ?? '',
    };
    if (!idempotency) return run(request);
    let fresh: HttpResult | undefined;
    const result = await once(principal.tenantId, idempotency, now, async () => {
      fresh = await run(request);
      return { body: fresh.body };
    });
    return result.replayed || !fresh ? replayed(result) : fresh;
  });
  return Object.assign(handler, { schemas: schemas as RouteSchemas });
}
