import type { Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { ruleRefused } from '../../errors';
import { newId } from '../../ids';
import type { StoredSubscription } from '../entities';
import { allSubscriptions, maxSubscriptionsPerTenant, publicView, saveSubscription } from '../repository';
import type { CreateWebhookSubscriptionInput } from '../schema';
import { newWebhookSecret } from '../secret';
import { checkSubscriptionStores } from '../store-filter';
import type { WebhookSubscriptionWithSecret } from '../views';

/** A new subscription, enabled; its signing secret is generated here and answered this once. */
export async function createWebhookSubscription(
  principal: Principal,
  input: CreateWebhookSubscriptionInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<WebhookSubscriptionWithSecret> {
  if ((await allSubscriptions(principal.tenantId)).length >= maxSubscriptionsPerTenant) {
    throw ruleRefused(
      'webhook_subscription_limit',
      `A tenant has at most ${maxSubscriptionsPerTenant} webhook subscriptions.`,
    );
  }
  if (input.storeIds) await checkSubscriptionStores(principal.tenantId, input.storeIds);
  const at = now.toISOString();
  const stored: StoredSubscription = {
    id: newId(now),
    url: input.url,
    events: input.events,
    ...(input.description ? { description: input.description } : {}),
    ...(input.storeIds ? { storeIds: input.storeIds } : {}),
    format: input.format ?? 'standard',
    ...(input.robotSecret ? { robotSecret: input.robotSecret } : {}),
    enabled: true,
    secret: newWebhookSecret(),
    createdBy: principal.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const answer = { ...publicView(stored), secret: stored.secret };
  // The remembered answer holds the secret too: a retry with the same key must show it again.
  await saveSubscription(principal.tenantId, stored, undefined, {
    claim: idempotency,
    response: { body: answer },
    now,
  });
  return answer;
}
