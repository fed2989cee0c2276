import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { publicView, saveSubscription, subscriptionOrNotFound } from '../repository';
import type { RotateWebhookSecretInput } from '../schema';
import { newWebhookSecret } from '../secret';
import type { WebhookSubscriptionWithSecret } from '../views';

/** A new signing secret, answered this once; every attempt from now on is signed with it. */
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
    updatedAt: now.toISOString(),
    version: before.version + 1,
  };
  await saveSubscription(principal.tenantId, after, before);
  return { ...publicView(after), secret: after.secret };
}
