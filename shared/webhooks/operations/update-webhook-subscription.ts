import type { Principal } from '../../access/principal';
import { invalidInput, versionConflict } from '../../errors';
import type { StoredSubscription } from '../entities';
import { publicView, saveSubscription, subscriptionOrNotFound } from '../repository';
import type { UpdateWebhookSubscriptionInput } from '../schema';
import { checkSubscriptionStores } from '../store-filter';
import type { WebhookSubscription } from '../views';

/**
 * Changes the URL, events, description, store filter, format or enabled flag; enabling again
 * clears the failure record. A robot secret belongs to a 钉钉 robot: it goes when the format does.
 */
export async function updateWebhookSubscription(
  principal: Principal,
  subscriptionId: string,
  input: UpdateWebhookSubscriptionInput,
  now: Date,
): Promise<WebhookSubscription> {
  const before = await subscriptionOrNotFound(principal.tenantId, subscriptionId);
  if (before.version !== input.version) throw versionConflict('webhook_subscription');
  const format = input.format ?? before.format ?? 'standard';
  if (input.robotSecret && format !== 'dingtalk') {
    throw invalidInput([
      { in: 'body', path: 'robotSecret', message: 'Only a 钉钉 (dingtalk) robot takes a signing secret.' },
    ]);
  }
  if (input.storeIds) await checkSubscriptionStores(principal.tenantId, input.storeIds);
  const { failingSince: _failing, disabledAt: _at, disabledReason: _reason, ...kept } = before;
  const enabled = input.enabled ?? before.enabled;
  const base = enabled && !before.enabled ? kept : before;
  const { storeIds: _stores, robotSecret: _robot, ...rest } = base;
  const storeIds = input.storeIds === undefined ? before.storeIds : (input.storeIds ?? undefined);
  const robotSecret =
    format !== 'dingtalk' || input.robotSecret === null
      ? undefined
      : (input.robotSecret ?? before.robotSecret);
  const after: StoredSubscription = {
    ...rest,
    ...(input.url ? { url: input.url } : {}),
    ...(input.events ? { events: input.events } : {}),
    ...(input.description ? { description: input.description } : {}),
    ...(storeIds ? { storeIds } : {}),
    format,
    ...(robotSecret ? { robotSecret } : {}),
    enabled,
    updatedAt: now.toISOString(),
    version: before.version + 1,
  };
  await saveSubscription(principal.tenantId, after, before);
  return publicView(after);
}
