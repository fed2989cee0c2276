import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';
import { type AddressPolicy, pinnedLookup, resolveTarget } from './address-guard';

/**
 * Signing and sending one webhook message per the Standard Webhooks specification
 * (standardwebhooks.com): `webhook-id`, `webhook-timestamp` (epoch seconds) and
 * `webhook-signature` (`v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`), keyed with the
 * subscription's `whsec_<base64>` secret. Signing is the specification's own library.
 */

/**
 * The headers of one attempt. With more than one secret (a rotation's grace period) the signature
 * header holds one `v1,…` entry per secret, space-separated, as the specification allows; a
 * receiver accepts the message if any entry verifies with the secret it holds.
 */
export function signatureHeaders(
  secrets: string | readonly string[],
  id: string,
  at: Date,
  body: string,
): Record<string, string> {
  const keys = typeof secrets === 'string' ? [secrets] : secrets;
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': keys.map((secret) => new Webhook(secret).sign(id, at, body)).join(' '),
  };
}

/** The secrets an attempt at `now` signs with: the current one, and the replaced one during its grace. */
export function signingSecretsOf(
  subscription: { secret: string; previousSecret?: string; previousSecretUntil?: string },
  now: Date,
): string[] {
  const { secret, previousSecret, previousSecretUntil } = subscription;
  const inGrace =
    previousSecret !== undefined &&
    previousSecretUntil !== undefined &&
    now.getTime() < Date.parse(previousSecretUntil);
  return inGrace ? [secret, previousSecret] : [secret];
}

/**
 * Waits after the n-th failed attempt (1-based), as the specification suggests: 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h; after the 8th attempt the delivery has failed (about 28 hours).
 */
const retryDelaysSeconds = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;
export const maxAttempts = retryDelaysSeconds.length + 1;

export const retryDelaySeconds = (failedAttempts: number): number | undefined =>
  retryDelaysSeconds[failedAttempts - 1];

/** A subscription whose deliveries kept failing this long (no success in between) is disabled. */
export const disableAfterFailingMs = 3 * 24 * 3600 * 1000;

/** The receiver has this long to answer; the consumer's own timeout leaves room to record it. */
export const requestTimeoutMs = 8_000;

export interface AttemptResult {
  readonly outcome: 'delivered' | 'failed' | 'refused';
  readonly responseStatus?: number;
  readonly latencyMs: number;
  readonly error?: string;
  /** The start of the receiver's answer (a group robot tells refusals there). */
  readonly answer?: string;
}

/** How much of an answer is kept: enough for a robot's `{"errcode":…,"errmsg":…}`. */
const answerBytes = 2048;

/** Posts one signed message; a 2xx answer is delivered, anything else (or nothing) failed. */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  policy: AddressPolicy,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = await resolveTarget(url, policy, (host) => lookup(host, { all: true, verbatim: true }));
  if (!target.allowed) return { outcome: 'refused', latencyMs: elapsed(), error: target.reason };
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<AttemptResult>((settle) => {
    const request = send(
      target.url,
      {
        method: 'POST',
        lookup: pinnedLookup(target.address, target.family) as never,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'service-desk-webhooks/1',
          ...headers,
        },
        timeout: requestTimeoutMs,
      },
      (response) => {
        // Only the start of the body is kept; the rest is drained so the socket closes.
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on('data', (chunk: Buffer) => {
          if (kept >= answerBytes) return;
          chunks.push(chunk.subarray(0, answerBytes - kept));
          kept += Math.min(chunk.length, answerBytes - kept);
        });
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          settle({
            outcome: status >= 200 && status < 300 ? 'delivered' : 'failed',
            responseStatus: status,
            latencyMs: elapsed(),
            answer: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${requestTimeoutMs} ms`)));
    request.on('error', (error) =>
      settle({ outcome: 'failed', latencyMs: elapsed(), error: error.message.slice(0, 200) }),
    );
    request.end(body);
  });
}
