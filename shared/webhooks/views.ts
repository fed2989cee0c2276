import {
  array,
  boolean,
  type infer as Infer,
  nullable,
  number,
  optional,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { ulid } from '../schema/common';
import { webhookEventTypes, webhookFormats } from './catalogue';

/*
 * OUTPUT schemas of webhooks: for types and the API description only. Runtime code imports them
 * with `import type`, so they stay out of Lambda bundles.
 */

export const webhookSubscription = strictObject({
  id: ulid,
  url: string(),
  events: array(zEnum(webhookEventTypes)),
  description: optional(string()),
  /** Only events of these stores (and tenant-wide ones); absent: every store. */
  storeIds: optional(array(ulid)),
  format: zEnum(webhookFormats),
  /** A 钉钉 robot's 加签 secret is set (the secret itself is never shown). */
  robotSigned: optional(boolean()),
  /**
   * After a rotation, until this time every message carries a signature with the replaced secret
   * too (two `v1,…` entries), so a receiver can switch secrets without dropping a message.
   */
  previousSecretUntil: optional(string()),
  enabled: boolean(),
  /** Set when deliveries started failing and no delivery succeeded since. */
  failingSince: optional(string()),
  /** Why and when the desk disabled it (3 days of failures). */
  disabledAt: optional(string()),
  disabledReason: optional(string()),
  createdBy: string(),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
});
export type WebhookSubscription = Infer<typeof webhookSubscription>;

/** Create and rotate answer the signing secret, once; nothing else ever shows it. */
export const webhookSubscriptionWithSecret = strictObject({
  ...webhookSubscription.def.shape,
  secret: string(),
});
export type WebhookSubscriptionWithSecret = Infer<typeof webhookSubscriptionWithSecret>;

export const webhookSubscriptionPage = strictObject({
  items: array(webhookSubscription),
  cursor: nullable(string()),
});

/** One attempt of the delivery log (kept 30 days). */
export const webhookAttempt = strictObject({
  id: ulid,
  subscriptionId: ulid,
  /** The message id (`webhook-id`), the same on every attempt of one event. */
  deliveryId: string(),
  type: zEnum(webhookEventTypes),
  attempt: number(),
  at: string(),
  outcome: zEnum(['delivered', 'failed', 'refused']),
  responseStatus: optional(number()),
  latencyMs: number(),
  error: optional(string()),
  /** When the next attempt is due, if there is one. */
  nextAttemptAt: optional(string()),
});
export type WebhookAttempt = Infer<typeof webhookAttempt>;

export const webhookAttemptPage = strictObject({ items: array(webhookAttempt), cursor: nullable(string()) });
