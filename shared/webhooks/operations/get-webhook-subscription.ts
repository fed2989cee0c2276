import type { Principal } from '../../access/principal';
import { publicView, subscriptionOrNotFound } from '../repository';
import type { WebhookSubscription } from '../views';

export async function getWebhookSubscription(
  principal: Principal,
  subscriptionId: string,
): Promise<WebhookSubscription> {
  return publicView(await subscriptionOrNotFound(principal.tenantId, subscriptionId));
}
