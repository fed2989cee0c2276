import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { publicView, saveSubscription, subscriptionOrNotFound } from '../repository';
import type { RotateWebhookSecretInput } from '../schema';
import { newWebhookSecret } from '../secret';
import type { WebhookSubscriptionWithSecret } from '../views';

/**
 * How long the replaced secret keeps signing beside the new one: a day, the window Svix (the
 * Standard Webhooks authors) and Stripe give, long enough for a receiver's owner to deploy the
 * new secret during working hours, short enough that a leaked secret soon stops working. Rotating
 * again within it replaces the previous secret with the one current until then.
 */
export const rotationGraceMs = 24 * 3600 * 1000;

/**
 * A new signing secret, answered this once; every attempt from now on is signed with it and, for
 * a day, with the secret it replaced (two `v1,…` signatures in `webhook-signature`).
 */
export async function rotateWebhookSecret(
  principal: Principal,
  subscriptionId: string,
  input: RotateWebhookSecretInput,
  now: Date,
): Promise<WebhookSubscriptionWithSecret> {
  const before = await subscriptionOrNotFound(principal.tenantId, subscriptionId);
  if (before.version !== input.version) throw versionConflict('webhook_subscription');
  const after = {
    ...before,
    secret: newWebhookSecret(),
    previousSecret: before.secret,
    previousSecretUntil: new Date(now.getTime() + rotationGraceMs).toISOString(),
    updatedAt: now.toISOString(),
    version: before.version + 1,
  };
  await saveSubscription(principal.tenantId, after, before);
  return { ...publicView(after), secret: after.secret };
}
