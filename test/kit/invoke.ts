import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildLambdaContext, routeEvent } from '../../infra/local/events';
import type { StaffRole } from '../../shared/access/roles';
import type { HttpEvent, HttpHandler } from '../../shared/http/handler';
import type { Problem } from '../../shared/http/problem';
import { type HttpRouteName, httpRoutes } from '../../shared/http/route-table';
import { currentTime } from '../../shared/time/clock';

export interface Caller {
  readonly tenantId: string;
  readonly userId: string;
  readonly roles: readonly StaffRole[];
  readonly storeIds?: readonly string[];
}

/** A tenant id no other test uses, so test files share one table without seeing each other. */
export const freshTenant = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

export const admin = (tenantId: string): Caller => ({
  tenantId,
  userId: `admin-${tenantId}`,
  roles: ['admin'],
});

export interface Invocation {
  readonly caller?: Caller;
  readonly body?: unknown;
  /** Raw body text, sent as is (for malformed JSON). */
  readonly rawBody?: string;
  readonly contentType?: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly params?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface InvocationResult<T> {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: T;
}

type AnyHandler = (event: unknown, context: unknown) => Promise<unknown>;
const modules = new Map<string, Promise<AnyHandler>>();

/** A handler module (path from the repository root), loaded once per process from source. */
export function loadHandler<H = AnyHandler>(file: string): Promise<H> {
  let loaded = modules.get(file);
  if (!loaded) {
    const url = pathToFileURL(resolve(import.meta.dirname, '../..', file)).href;
    loaded = import(/* @vite-ignore */ url).then((module: { handler: AnyHandler }) => module.handler);
    modules.set(file, loaded);
  }
  return loaded as Promise<H>;
}

/**
 * The API Gateway (payload 2.0) event API Gateway and the local server would build for a call,
 * claims flattened the way the JWT authorizer flattens them.
 */
export function httpEvent(routeName: HttpRouteName, invocation: Invocation = {}): HttpEvent {
  const body =
    invocation.rawBody ?? (invocation.body === undefined ? undefined : JSON.stringify(invocation.body));
  return routeEvent(
    httpRoutes[routeName],
    {
      ...(invocation.caller ? { caller: invocation.caller } : {}),
      ...(body === undefined ? {} : { body }),
      ...(invocation.contentType ? { contentType: invocation.contentType } : {}),
      ...(invocation.query ? { query: invocation.query } : {}),
      ...(invocation.params ? { params: invocation.params } : {}),
      ...(invocation.headers ? { headers: invocation.headers } : {}),
    },
    currentTime(),
  );
}

/** Calls a route's handler module in this process, as API Gateway would. */
export async function invoke<T = Record<string, unknown>>(
  routeName: HttpRouteName,
  invocation: Invocation = {},
): Promise<InvocationResult<T>> {
  const handler = await loadHandler<HttpHandler>(httpRoutes[routeName].handler);
  const response = await handler(httpEvent(routeName, invocation), buildLambdaContext(`kit-${routeName}`));
  const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([k, v]) => [k, String(v)]));
  return {
    status: response.statusCode ?? 200,
    headers,
    // JSON (and problem+json) parsed; anything else (a CSV export) as the text it is.
    body: (response.body
      ? /json/.test(headers['content-type'] ?? 'application/json')
        ? JSON.parse(response.body)
        : response.body
      : undefined) as T,
  };
}

export const problem = (result: InvocationResult<unknown>) => result.body as Problem;

/** Field paths a 400 names, e.g. `body.subject`, for compact assertions. */
export const badFields = (result: InvocationResult<unknown>) =>
  (problem(result).errors ?? []).map((issue) => `${issue.in}.${issue.path}`).sort();
