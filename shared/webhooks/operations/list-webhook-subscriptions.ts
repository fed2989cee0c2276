import type { Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { listSubscriptions } from '../repository';
import type { ListWebhookSubscriptionsQuery } from '../schema';
import type { WebhookSubscription } from '../views';

export async function listWebhookSubscriptions(
  principal: Principal,
  query: ListWebhookSubscriptionsQuery,
): Promise<Page<WebhookSubscription>> {
  return listSubscriptions(principal.tenantId, query.limit, query.cursor);
}
