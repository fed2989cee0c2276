import middy, { type MiddlewareObj } from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { withDeadline } from '../db/deadline';
import { DomainError } from '../errors';
import { logger } from '../observability/logger';
import { currentTime } from '../time/clock';
import { preferredLanguage } from './language';
import { problemFromError, problemResponse } from './problem';
import type { HttpRoute } from './route';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResponse = APIGatewayProxyStructuredResultV2;
export type HttpHandler = (event: HttpEvent, context: Context) => Promise<HttpResponse>;

/** What a use case hands back; the wrapper turns it into JSON. */
export interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** A page, script or export instead of JSON (the reference page, a CSV): sent as is, bytes base64-encoded. */
  readonly content?:
    | { readonly type: string; readonly text: string }
    | { readonly type: string; readonly bytes: Buffer };
}

export interface PublicRequest {
  readonly now: Date;
  readonly requestId: string;
}

export const maxBodyBytes = 64 * 1024;

const jsonContentType = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

/** Reads and checks a JSON body: size, content type, syntax. The schema checks the rest. */
export function readJsonBody(event: Pick<HttpEvent, 'body' | 'isBase64Encoded' | 'headers'>): unknown {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > maxBodyBytes) {
    throw new DomainError('payload_too_large', 'body_too_large', `The body exceeds ${maxBodyBytes} bytes.`);
  }
  if (bytes.length === 0) {
    throw new DomainError('invalid_input', 'body_required', 'A JSON body is required.', [
      { in: 'body', path: '', message: 'A JSON body is required.' },
    ]);
  }
  const contentType = event.headers?.['content-type'] ?? '';
  if (!jsonContentType.test(contentType)) {
    throw new DomainError('unsupported_media_type', 'json_required', 'Send the body as application/json.');
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new DomainError('invalid_input', 'invalid_json', 'The body is not valid JSON.', [
      { in: 'body', path: '', message: 'Not valid JSON.' },
    ]);
  }
}

/** A created object's address: the collection it was posted to, plus its id. */
function withLocation(result: HttpResult, event: HttpEvent): HttpResult {
  const id = (result.body as { id?: unknown } | undefined)?.id;
  if (result.status !== 201 || typeof id !== 'string' || result.headers?.location) return result;
  return { ...result, headers: { ...result.headers, location: `${event.rawPath}/${id}` } };
}

function toResponse(result: HttpResult): HttpResponse {
  const { content } = result;
  if (content) {
    return {
      statusCode: result.status,
      // Exports hold tenant data: never cached unless the route says otherwise (the reference page).
      headers: { 'content-type': content.type, 'cache-control': 'no-store', ...result.headers },
      ...('bytes' in content
        ? { body: content.bytes.toString('base64'), isBase64Encoded: true }
        : { body: content.text }),
    };
  }
  return {
    statusCode: result.status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...result.headers },
    ...(result.body === undefined ? {} : { body: JSON.stringify(result.body) }),
  };
}

/** Maps anything thrown to a problem response: the one place errors become HTTP. */
function problemResponses(): MiddlewareObj<HttpEvent, HttpResponse> {
  return {
    onError: async (request) => {
      const requestId = request.event.requestContext?.requestId;
      const language = preferredLanguage(request.event.headers?.['accept-language']);
      const problem = problemFromError(request.error, requestId, language);
      if (problem.status >= 500) logger.error('request failed', { error: request.error as Error });
      else logger.info('request refused', { status: problem.status, code: problem.code });
      request.response = problemResponse(problem);
    },
  };
}

export function wrap(route: HttpRoute, run: (event: HttpEvent) => Promise<HttpResult>): HttpHandler {
  // No early timeout answer from middy: it would answer 500 while the work goes on. The data
  // layer stops on its own before the deadline (shared/db/deadline.ts) and answers 503.
  return middy<HttpEvent, HttpResponse>({ timeoutEarlyInMillis: 0 })
    .use(problemResponses())
    .handler(async (event, context) => {
      logger.startInvocation(context);
      logger.appendKeys({
        route: `${route.method} ${route.path}`,
        apiRequestId: event.requestContext?.requestId,
      });
      // The data layer budgets its retries on this; see shared/db/deadline.ts.
      return withDeadline(context.getRemainingTimeInMillis(), async () =>
        toResponse(withLocation(await run(event), event)),
      );
    });
}

export function publicRoute(route: HttpRoute, run: (request: PublicRequest) => Promise<HttpResult>) {
  return wrap(route, (event) =>
    run({ now: currentTime(), requestId: event.requestContext?.requestId ?? '' }),
  );
}
