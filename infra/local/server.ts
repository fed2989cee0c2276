import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gte, int, lte, optional, strictObject } from 'zod/mini';
import { DomainError, type FieldIssue, invalidInput } from '../../shared/errors';
import type { HttpHandler, HttpResponse } from '../../shared/http/handler';
import { readJsonBody } from '../../shared/http/handler';
import { preferredLanguage } from '../../shared/http/language';
import { problemFromError, problemResponse, problemTypeUri } from '../../shared/http/problem';
import { type HttpRoute, type HttpRouteName, httpRoutes } from '../../shared/http/route-table';
import { parseRequestParts } from '../../shared/http/validation';
import { instant } from '../../shared/schema/common';
import { clockOffset, currentTime, setClockOffset } from '../../shared/time/clock';
import { allowedOrigin, corsPolicy } from '../cors';
import { buildHttpEvent, buildLambdaContext, flattenClaims } from './events';
import { type LocalTokenAuthority, localTokenRequest } from './tokens';

/** API Gateway's own payload limit; our handlers refuse far smaller bodies themselves. */
const apiGatewayMaxBody = 10 * 1024 * 1024;

interface CompiledRoute {
  readonly name: HttpRouteName;
  readonly route: HttpRoute;
  readonly pattern: RegExp;
  readonly parameterNames: readonly string[];
}

/** Literal paths win over templated ones, as API Gateway picks the most specific route. */
function compileRoutes(): { matched: CompiledRoute[]; fallback: CompiledRoute } {
  const compiled = (Object.entries(httpRoutes) as [HttpRouteName, HttpRoute][]).map(([name, route]) => {
    const parameterNames: string[] = [];
    const source = route.path
      .split('/')
      .map((segment) => {
        const parameter = /^\{(\w+)\}$/.exec(segment);
        if (!parameter?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        parameterNames.push(parameter[1]);
        return '([^/]+)';
      })
      .join('/');
    return { name, route, pattern: new RegExp(`^${source}$`), parameterNames };
  });
  const fallback = compiled.find((entry) => entry.route.path === '$default');
  if (!fallback) throw new Error('The route table needs a $default route.');
  const matched = compiled
    .filter((entry) => entry !== fallback)
    .sort((a, b) => a.parameterNames.length - b.parameterNames.length);
  return { matched, fallback };
}

export interface LocalServerOptions {
  readonly tokens: LocalTokenAuthority;
  readonly repoRoot: string;
  /** Called after the clock moves, so due timer work runs before the clock request answers. */
  readonly afterClockChange?: () => Promise<void>;
  readonly log?: (line: string) => void;
  /** Origins whose pages may call (CORS_ORIGINS); none by default, as in the stack. */
  readonly corsOrigins?: readonly string[];
}

/** Times as strict as any request's (2000–2100, real dates, an offset); moves of up to ten years. */
const clockChange = strictObject({
  advanceMinutes: optional(int().check(gte(0), lte(10 * 366 * 24 * 60))),
  set: optional(instant),
});

export function createLocalServer(options: LocalServerOptions): Server {
  const { matched, fallback } = compileRoutes();
  const handlers = new Map<string, Promise<HttpHandler>>();
  const loadHandler = (route: HttpRoute) => {
    let loaded = handlers.get(route.handler);
    if (!loaded) {
      const url = pathToFileURL(resolve(options.repoRoot, route.handler)).href;
      loaded = import(url).then((module: { handler: HttpHandler }) => module.handler);
      handlers.set(route.handler, loaded);
    }
    return loaded;
  };

  async function dispatch(request: IncomingMessage, body: Buffer): Promise<HttpResponse> {
    const url = requestUrl(request.url);
    const method = request.method ?? 'GET';
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(',') : (value ?? ''),
      ]),
    );
    if (url.pathname.startsWith('/local/')) return localEndpoint(method, url.pathname, headers, body);

    let target = fallback;
    let pathParameters: Record<string, string> = {};
    for (const entry of matched) {
      const match = entry.pattern.exec(url.pathname);
      if (match && entry.route.method === method) {
        target = entry;
        pathParameters = decodePathParameters(entry.parameterNames, match.slice(1));
        break;
      }
    }
    let claims: Record<string, string> | undefined;
    if (target.route.auth === 'jwt') {
      const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
      try {
        if (!bearer) throw new Error('no bearer token');
        claims = flattenClaims(await options.tokens.verify(bearer, currentTime()));
      } catch {
        return problemResponse(
          problemFromError(
            new DomainError('unauthenticated', 'token_invalid', 'A valid bearer token is required.'),
            undefined,
            preferredLanguage(headers['accept-language']),
          ),
        );
      }
    }
    const event = buildHttpEvent({
      method,
      path: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      ...(body.length > 0 ? { body } : {}),
      routeKey: target.route.path === '$default' ? '$default' : `${target.route.method} ${target.route.path}`,
      pathParameters,
      ...(claims ? { claims } : {}),
      sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      now: currentTime(),
    });
    const handler = await loadHandler(target.route);
    return handler(event, buildLambdaContext(`local-${target.name}`));
  }

  async function localEndpoint(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: Buffer,
  ): Promise<HttpResponse> {
    const asEvent = { body: body.toString('utf8'), isBase64Encoded: false, headers };
    if (path === '/local/tokens' && method === 'POST') {
      const { body: tokenRequest } = parseRequestParts({
        body: [localTokenRequest, readJsonBody(asEvent)],
        query: undefined,
        params: undefined,
      });
      return json(201, await options.tokens.issue(tokenRequest, currentTime()));
    }
    if (path === '/local/clock' && method === 'GET') return json(200, clockState());
    if (path === '/local/clock' && method === 'POST') {
      const { body: change } = parseRequestParts({
        body: [clockChange, readJsonBody(asEvent)],
        query: undefined,
        params: undefined,
      });
      if (change.set !== undefined) {
        setClockOffset(new Date(change.set).getTime() - Date.now());
      } else if (change.advanceMinutes !== undefined) {
        setClockOffset(clockOffset() + change.advanceMinutes * 60_000);
      } else {
        throw new DomainError('invalid_input', 'invalid_input', 'Give `advanceMinutes` (≥ 0) or `set`.', [
          { in: 'body', path: 'advanceMinutes', message: 'Give a non-negative number of minutes, or `set`.' },
        ]);
      }
      try {
        await options.afterClockChange?.();
      } catch (error) {
        // The clock has moved; say plainly that its due work has not all run, as a problem.
        options.log?.(`timer work after the clock change failed: ${(error as Error).stack ?? String(error)}`);
        return problemResponse({
          type: problemTypeUri('unavailable'),
          title: 'Timer work unsettled',
          status: 503,
          detail: `The clock is now ${currentTime().toISOString()}, but its due timer work did not finish: ${(error as Error).message}. The local service's log has the details.`,
          code: 'timer_work_unsettled',
        });
      }
      return json(200, clockState());
    }
    throw new DomainError('not_found', 'route_not_found', 'No such local endpoint.');
  }

  const corsOrigins = options.corsOrigins ?? [];
  return createServer((request, response) => {
    const started = performance.now();
    const origin = allowedOrigin(corsOrigins, request.headers.origin);
    // A preflight is answered before any route, as API Gateway answers it (no token needed).
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      writeResponse(response, { statusCode: 204, headers: origin ? preflightHeaders(origin) : {} });
      options.log?.(`OPTIONS ${request.url} (preflight from ${request.headers.origin ?? 'no origin'}) → 204`);
      return;
    }
    readBody(request)
      .then((body) => dispatch(request, body))
      .catch((error: unknown) => {
        if (error instanceof DomainError) {
          const language = preferredLanguage(request.headers['accept-language']);
          return problemResponse(problemFromError(error, undefined, language));
        }
        // What API Gateway answers when the integration itself fails.
        options.log?.(`handler failed: ${(error as Error).stack ?? String(error)}`);
        return {
          statusCode: 500,
          headers: { 'content-type': 'application/json' },
          body: '{"message":"Internal Server Error"}',
        };
      })
      .then((result) => {
        writeResponse(response, origin ? withCorsHeaders(result, origin) : result);
        options.log?.(
          `${request.method} ${request.url} → ${result.statusCode ?? 200} ${(performance.now() - started).toFixed(1)} ms`,
        );
      });
  });
}

/**
 * The request target as a URL. Only origin-form (`/path?query`) is read as a path: anything
 * else (absolute-form, `*`, garbage) is refused as API Gateway refuses it, never thrown.
 */
function requestUrl(target: string | undefined): URL {
  const invalid = () =>
    new DomainError('invalid_input', 'invalid_request_target', 'The request target is not a valid path.', [
      { in: 'path', path: '', message: 'Expected an absolute path, e.g. `/v1/tickets`.' },
    ]);
  if (!target?.startsWith('/')) throw invalid();
  try {
    // A fixed origin plus the target, so `//x/y` stays a path and is not read as a host.
    return new URL(`http://127.0.0.1${target}`);
  } catch {
    throw invalid();
  }
}

/**
 * Percent-decodes the matched path segments. A segment that is not valid percent-encoded
 * UTF-8 (`%ZZ`, `%C3`) is the caller's mistake: a 400 naming each such parameter, and the
 * handler never runs.
 */
function decodePathParameters(names: readonly string[], raw: readonly (string | undefined)[]) {
  const decoded: Record<string, string> = {};
  const issues: FieldIssue[] = [];
  names.forEach((name, index) => {
    try {
      decoded[name] = decodeURIComponent(raw[index] ?? '');
    } catch {
      issues.push({ in: 'path', path: name, message: 'Not valid percent-encoded UTF-8.' });
    }
  });
  if (issues.length > 0) throw invalidInput(issues, 'A path parameter is not valid percent-encoding.');
  return decoded;
}

function clockState() {
  return { now: currentTime().toISOString(), offsetMinutes: Math.round(clockOffset() / 60_000) };
}

const json = (status: number, body: unknown): HttpResponse => ({
  statusCode: status,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > apiGatewayMaxBody) {
      throw new DomainError('payload_too_large', 'body_too_large', 'The body exceeds what the API accepts.');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function preflightHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': corsPolicy.allowMethods.join(','),
    'access-control-allow-headers': corsPolicy.allowHeaders.join(','),
    'access-control-max-age': String(corsPolicy.maxAgeSeconds),
    vary: 'origin',
  };
}

function withCorsHeaders(result: HttpResponse, origin: string): HttpResponse {
  return {
    ...result,
    headers: {
      ...result.headers,
      'access-control-allow-origin': origin,
      'access-control-expose-headers': corsPolicy.exposeHeaders.join(','),
      vary: 'origin',
    },
  };
}

function writeResponse(response: ServerResponse, result: HttpResponse): void {
  const body =
    result.body === undefined
      ? undefined
      : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  response.statusCode = result.statusCode ?? 200;
  for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, String(value));
  if (result.cookies?.length) response.setHeader('set-cookie', result.cookies);
  if (body) response.setHeader('content-length', body.length);
  response.end(body);
}
