import { randomBytes } from 'node:crypto';

/**
 * A new signing secret, shown once: 32 random bytes in the Standard Webhooks `whsec_<base64>` form.
 * Apart from sending.ts so the HTTP handlers that make one do not bundle the signing library.
 */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;
