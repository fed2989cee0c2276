import { buildLambdaContext } from '../../infra/local/events';
import { httpRoutes } from '../../shared/http/route-table';
import { scheduledFunctions } from '../../shared/timers/functions';
import { httpEvent, type Invocation, loadHandler } from './invoke';
import type { MeasuredOperation, Target } from './operations';

/** The event a function receives for the i-th request of an operation. */
export function eventFor(op: MeasuredOperation, request: unknown): unknown {
  return op.target.kind === 'http' ? httpEvent(op.target.route, request as Invocation) : request;
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

/** Calls the operation's handler module in this process (source, not the bundle). */
export async function invokeInProcess(target: Target, event: unknown): Promise<unknown> {
  if (target.kind === 'flow') return target.run(event);
  const handler = await loadHandler(handlerModule(target));
  return handler(event, buildLambdaContext(`kit-${functionName(target)}`));
}

export function statusOf(response: unknown): number | undefined {
  return typeof response === 'object' && response && 'statusCode' in response
    ? Number((response as { statusCode: unknown }).statusCode)
    : undefined;
}
