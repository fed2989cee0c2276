import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import type { StoredSubscription } from '../entities';
import { publicView, saveSubscription, subscriptionOrNotFound } from '../repository';
import type { UpdateWebhookSubscriptionInput } from '../schema';
import type { WebhookSubscription } from '../views';

/** Changes the URL, events, description or enabled flag; enabling again clears the failure record. */
export async function updateWebhookSubscription(
  principal: Principal,
  subscriptionId: string,
  input: UpdateWebhookSubscriptionInput,
  now: Date,
): Promise<WebhookSubscription> {
  const before = await subscriptionOrNotFound(principal.tenantId, subscriptionId);
  if (before.version !== input.version) throw versionConflict('webhook_subscription');
  const { failingSince: _failing, disabledAt: _at, disabledReason: _reason, ...kept } = before;
  const enabled = input.enabled ?? before.enabled;
  const after: StoredSubscription = {
    ...(enabled && !before.enabled ? kept : before),
    ...(input.url ? { url: input.url } : {}),
    ...(input.events ? { events: input.events } : {}),
    ...(input.description ? { description: input.description } : {}),
    enabled,
    updatedAt: now.toISOString(),
    version: before.version + 1,
  };
  await saveSubscription(principal.tenantId, after, before);
  return publicView(after);
}
