import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildLambdaContext, routeEvent } from '../../infra/local/events';
import type { HttpEvent } from '../../shared/http/handler';
import { type HttpRouteName, httpRoutes } from '../../shared/http/routes';
import { currentTime } from '../../shared/time/clock';
import { scheduledFunctions } from '../../shared/timers/functions';
import type { HttpCall, MeasuredOperation, Target } from './operations';

const repoRoot = resolve(import.meta.dirname, '../..');

/**
 * The API Gateway (payload 2.0) event for a call, built by the same helpers the local server and
 * test/kit/invoke.ts use, claims flattened as the JWT authorizer flattens them.
 */
export function httpEvent(routeName: HttpRouteName, call: HttpCall): HttpEvent {
  return routeEvent(
    httpRoutes[routeName],
    {
      ...(call.caller ? { caller: call.caller } : {}),
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      ...(call.query ? { query: call.query } : {}),
      ...(call.params ? { params: call.params } : {}),
      ...(call.headers ? { headers: call.headers } : {}),
    },
    currentTime(),
  );
}

/** The event a function receives for the i-th request of an operation. */
export function eventFor(op: MeasuredOperation, request: unknown): unknown {
  return op.target.kind === 'http' ? httpEvent(op.target.route, request as HttpCall) : request;
}

export function handlerModule(target: Target): string {
  if (target.kind === 'http') return httpRoutes[target.route].handler;
  if (target.kind === 'scheduled') return scheduledFunctions[target.name].handler;
  if (target.kind === 'flow')
    throw new Error(`${target.name} is a flow: it has no handler module of its own`);
  return 'bench/baseline/get-item.ts';
}

export function functionName(target: Target): string {
  if (target.kind === 'http') return target.route;
  if (target.kind === 'scheduled') return target.name;
  if (target.kind === 'flow') return target.name;
  return 'baseline';
}

type AnyHandler = (event: unknown, context: unknown) => Promise<unknown>;
const loaded = new Map<string, Promise<AnyHandler>>();

/** Calls the operation's handler module in this process (source, not the bundle). */
export async function invokeInProcess(target: Target, event: unknown): Promise<unknown> {
  if (target.kind === 'flow') return target.run(event);
  const file = handlerModule(target);
  let handler = loaded.get(file);
  if (!handler) {
    const url = pathToFileURL(resolve(repoRoot, file)).href;
    handler = import(/* @vite-ignore */ url).then((module: { handler: AnyHandler }) => module.handler);
    loaded.set(file, handler);
  }
  return (await handler)(event, buildLambdaContext(`bench-${functionName(target)}`));
}

export function statusOf(response: unknown): number | undefined {
  return typeof response === 'object' && response && 'statusCode' in response
    ? Number((response as { statusCode: unknown }).statusCode)
    : undefined;
}
