/**
 * Default throttling on the HTTP API's stage (AWS only; the local runtime does not throttle).
 * API Gateway's account-wide default (10,000 requests/s) protects AWS, not this API's table and
 * Lambda concurrency: one misbehaving client could spend both. So every route gets a stage-wide
 * limit, and the public routes (health, the OpenAPI document, the reference page), which no
 * authorizer stands in front of, a lower one. Requests over a limit get 429 from API Gateway.
 *
 * CDK context, as `rate/burst` (requests per second / bucket size): `-c throttle=200/400`,
 * `-c publicThrottle=20/40`.
 */
export interface Throttle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export const defaultThrottle: Throttle = { rateLimit: 200, burstLimit: 400 };
export const defaultPublicThrottle: Throttle = { rateLimit: 20, burstLimit: 40 };

/** Reads `rate/burst` (a string, or an object `{ rateLimit, burstLimit }` in cdk.json); undefined → fallback. */
export function parseThrottle(value: unknown, source: string, fallback: Throttle): Throttle {
  if (value === undefined || value === null || value === '') return fallback;
  let rateLimit: unknown;
  let burstLimit: unknown;
  if (typeof value === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+)\s*$/.exec(value);
    if (match) [rateLimit, burstLimit] = [Number(match[1]), Number(match[2])];
  } else if (typeof value === 'object') {
    ({ rateLimit, burstLimit } = value as Record<string, unknown>);
  }
  const valid =
    typeof rateLimit === 'number' &&
    typeof burstLimit === 'number' &&
    rateLimit > 0 &&
    Number.isInteger(burstLimit) &&
    burstLimit >= 1 &&
    burstLimit <= 5000 &&
    rateLimit <= 10000;
  if (!valid) {
    throw new Error(
      `${source} must be 'rate/burst' with a rate of 0 < r ≤ 10000 requests per second and a burst of 1–5000 (e.g. 200/400).`,
    );
  }
  return { rateLimit: rateLimit as number, burstLimit: burstLimit as number };
}
