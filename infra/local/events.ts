import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { HttpEvent } from '../../shared/http/handler';
import type { HttpRoute } from '../../shared/http/route-table';

/**
 * API Gateway's JWT authorizer hands claims to Lambda as strings; arrays become `[a b c]`.
 * Doing the same here means handlers meet locally exactly the shapes they meet in AWS.
 */
export function flattenClaims(payload: Record<string, unknown>): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) claims[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}

const textContentType =
  /^(application\/([a-z0-9.+-]+\+)?json|text\/|application\/(xml|x-www-form-urlencoded))/i;

export interface HttpEventInput {
  readonly method: string;
  /** Path without the query string, e.g. `/v1/tickets/01J…`. */
  readonly path: string;
  readonly rawQueryString?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer | string;
  /** `METHOD /path/{param}` or `$default`. */
  readonly routeKey: string;
  readonly pathParameters?: Readonly<Record<string, string>>;
  readonly claims?: Readonly<Record<string, string>>;
  readonly sourceIp?: string;
  readonly now: Date;
}

/** An API Gateway HTTP API (payload format 2.0) event, as the service receives it in AWS. */
export function buildHttpEvent(input: HttpEventInput): HttpEvent {
  const headers = Object.fromEntries(
    Object.entries(input.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const body = input.body === undefined ? undefined : Buffer.from(input.body);
  const asText =
    body !== undefined && (body.length === 0 || textContentType.test(headers['content-type'] ?? ''));
  const query = new URLSearchParams(input.rawQueryString ?? '');
  const queryStringParameters: Record<string, string> = {};
  // API Gateway joins repeated parameters with commas.
  for (const name of new Set(query.keys())) queryStringParameters[name] = query.getAll(name).join(',');
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: input.path,
    rawQueryString: input.rawQueryString ?? '',
    headers,
    ...(Object.keys(queryStringParameters).length > 0 ? { queryStringParameters } : {}),
    ...(input.pathParameters && Object.keys(input.pathParameters).length > 0
      ? { pathParameters: { ...input.pathParameters } }
      : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method: input.method,
        path: input.path,
        protocol: 'HTTP/1.1',
        sourceIp: input.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: input.routeKey,
      stage: '$default',
      time: input.now.toUTCString(),
      timeEpoch: input.now.getTime(),
      // Routes without the authorizer get no authorizer block at all, as in AWS.
      ...(input.claims
        ? {
            authorizer: {
              principalId: '',
              integrationLatency: 0,
              jwt: { claims: { ...input.claims }, scopes: [] },
            },
          }
        : {}),
    } as HttpEvent['requestContext'],
    ...(body === undefined ? {} : { body: asText ? body.toString('utf8') : body.toString('base64') }),
    isBase64Encoded: body !== undefined && !asText,
  };
}

/** Enough of a Lambda context for the logger and middy; deadline mirrors the function timeout. */
export function buildLambdaContext(functionName: string, timeoutMs = 10_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** A call to a route of the route table, as a client makes it (tests and the bench build these). */
export interface RouteCall {
  readonly caller?: {
    readonly tenantId: string;
    readonly userId: string;
    readonly roles: readonly string[];
    readonly storeIds?: readonly string[];
  };
  /** The raw body text. */
  readonly body?: string;
  readonly contentType?: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly params?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The event API Gateway would build for that call, claims flattened as its JWT authorizer does. */
export function routeEvent(route: HttpRoute, call: RouteCall, now: Date): HttpEvent {
  const path =
    route.path === '$default'
      ? '/v1/no-such-path'
      : Object.entries(call.params ?? {}).reduce<string>(
          (result, [name, value]) => result.replace(`{${name}}`, encodeURIComponent(value)),
          route.path,
        );
  const { caller, body } = call;
  return buildHttpEvent({
    method: route.method === 'ANY' ? 'GET' : route.method,
    path,
    rawQueryString: new URLSearchParams(call.query ?? {}).toString(),
    headers: {
      ...(body === undefined ? {} : { 'content-type': call.contentType ?? 'application/json' }),
      ...call.headers,
    },
    ...(body === undefined ? {} : { body }),
    routeKey: route.path === '$default' ? '$default' : `${route.method} ${route.path}`,
    ...(call.params ? { pathParameters: call.params } : {}),
    ...(caller
      ? {
          claims: flattenClaims({
            sub: caller.userId,
            tenant_id: caller.tenantId,
            roles: caller.roles,
            store_ids: caller.storeIds ?? [],
          }),
        }
      : {}),
    now,
  });
}
