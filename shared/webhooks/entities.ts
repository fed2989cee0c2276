import { defineEntity } from '../db/entity';
import type { WebhookAttempt, WebhookSubscription } from './views';

/** Stored with the subscription, never returned after create or rotate. */
export interface StoredSubscription extends Omit<WebhookSubscription, 'format' | 'robotSigned'> {
  readonly secret: string;
  /** The secret a rotation replaced, still signed with until `previousSecretUntil`. */
  readonly previousSecret?: string;
  /** Absent on subscriptions made before formats existed: standard. */
  readonly format?: WebhookSubscription['format'];
  readonly robotSecret?: string;
}

export const webhookSubscriptionEntity = /* @__PURE__ */ defineEntity<StoredSubscription>({
  tag: 'webhook_subscription',
  about:
    'an outbound webhook subscription of the tenant (URL, events, signing secret); listed from the tenant partition',
  key: { pk: 'T#{tenantId}', sk: 'WEBHOOK#{id}' },
});

/** One event for one subscription: the exact body every attempt sends, and where its retries stand. */
export interface WebhookDelivery {
  /** The `webhook-id`: derived from the event and the subscription (message-id.ts `deliveryIdOf`). */
  readonly id: string;
  readonly subscriptionId: string;
  readonly type: WebhookAttempt['type'];
  readonly body: string;
  readonly status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  readonly attempts: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const webhookDeliveryEntity = /* @__PURE__ */ defineEntity<WebhookDelivery>({
  tag: 'webhook_delivery',
  about:
    'one event for one subscription, written once (conditional put on its derived id); its timer drives the attempts',
  key: { pk: 'T#{tenantId}#WEBHOOK_DELIVERY#{id}', sk: 'DELIVERY' },
});

export const webhookAttemptEntity = /* @__PURE__ */ defineEntity<WebhookAttempt>({
  tag: 'webhook_attempt',
  about: 'the delivery log: one line per attempt, newest first per subscription; expires after 30 days',
  key: { pk: 'T#{tenantId}#WEBHOOK#{subscriptionId}', sk: 'ATTEMPT#{id}' },
});
