/**
 * CORS for browser clients, one policy for both runtimes: API Gateway's corsPreflight in AWS
 * (infra/stack.ts, from the `corsOrigins` CDK context) and the local server (CORS_ORIGINS).
 * Bearer tokens, not cookies, so credentials are never allowed.
 */
export const corsPolicy = {
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'accept-language'],
  exposeHeaders: ['location', 'idempotent-replayed', 'retry-after'],
  maxAgeSeconds: 600,
} as const;

/**
 * Reads allowed origins: a comma-separated string (`-c corsOrigins=https://a.example,https://b.example`)
 * or a list (cdk.json). Each must be an origin exactly (scheme, host, port; no path) or `*`.
 */
export function parseCorsOrigins(value: unknown, source: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  const entries = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
  if (!entries) throw new Error(`${source} must be a comma-separated string or a list of origins.`);
  const origins = entries.map((entry) => (typeof entry === 'string' ? entry.trim() : '')).filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') continue;
    const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
    if (!parsed || !['https:', 'http:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new Error(`${source}: '${origin}' is not an origin (e.g. https://desk.example.com, no path).`);
    }
  }
  return [...new Set(origins)];
}

/** The origin to echo in Access-Control-Allow-Origin, or undefined when this origin may not call. */
export function allowedOrigin(allowed: readonly string[], origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  if (allowed.includes('*')) return '*';
  return allowed.includes(origin) ? origin : undefined;
}
