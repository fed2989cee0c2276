import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildLambdaContext, routeEvent } from '../../infra/local/events';
import type { StaffRole } from '../../shared/access/roles';
import type { HttpHandler } from '../../shared/http/handler';
import type { Problem } from '../../shared/http/problem';
import { type HttpRouteName, httpRoutes } from '../../shared/http/routes';
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

const modules = new Map<string, Promise<HttpHandler>>();

/**
 * Calls a route's handler module with the event API Gateway (and the local server) would build,
 * claims flattened the way the JWT authorizer flattens them.
 */
export async function invoke<T = Record<string, unknown>>(
  routeName: HttpRouteName,
  invocation: Invocation = {},
): Promise<InvocationResult<T>> {
  const route = httpRoutes[routeName];
  let loaded = modules.get(route.handler);
  if (!loaded) {
    const file = pathToFileURL(resolve(import.meta.dirname, '../..', route.handler)).href;
    loaded = import(/* @vite-ignore */ file).then((module: { handler: HttpHandler }) => module.handler);
    modules.set(route.handler, loaded);
  }
  const handler = await loaded;
  const body =
    invocation.rawBody ?? (invocation.body === undefined ? undefined : JSON.stringify(invocation.body));
  const event = routeEvent(
    route,
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
  const response = await handler(event, buildLambdaContext(`test-${routeName}`));
  const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([k, v]) => [k, String(v)]));
  return {
    status: response.statusCode ?? 200,
    headers,
    body: (response.body ? JSON.parse(response.body) : undefined) as T,
  };
}

export const problem = (result: InvocationResult<unknown>) => result.body as Problem;

/** Field paths a 400 names, e.g. `body.subject`, for compact assertions. */
export const badFields = (result: InvocationResult<unknown>) =>
  (problem(result).errors ?? []).map((issue) => `${issue.in}.${issue.path}`).sort();
