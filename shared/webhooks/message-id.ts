import { createHash } from 'node:crypto';

/**
 * The message id (`webhook-id`) of one event for one subscription: derived from both, so every
 * redelivery of the stream record and every retry carries the same id, and a receiver can drop
 * duplicates by it.
 */
export function deliveryIdOf(eventKey: string, subscriptionId: string): string {
  const digest = createHash('sha256').update(`${eventKey}\n${subscriptionId}`).digest('base64url');
  return `msg_${digest.slice(0, 32)}`;
}
