import type { Principal } from '../../access/principal';
import { deleteSubscription, publicView, subscriptionOrNotFound } from '../repository';
import type { WebhookSubscription } from '../views';

/**
 * Removes the subscription and answers it as it was. Deliveries still owed to it end without a
 * request: the deliverer finds no subscription.
 */
export async function deleteWebhookSubscription(
  principal: Principal,
  subscriptionId: string,
): Promise<WebhookSubscription> {
  const subscription = await subscriptionOrNotFound(principal.tenantId, subscriptionId);
  await deleteSubscription(principal.tenantId, subscriptionId);
  return publicView(subscription);
}
