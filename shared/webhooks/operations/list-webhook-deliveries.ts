import type { Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { listAttempts, subscriptionOrNotFound } from '../repository';
import type { ListWebhookDeliveriesQuery } from '../schema';
import type { WebhookAttempt } from '../views';

/** The subscription's delivery log, newest attempt first (30 days). */
export async function listWebhookDeliveries(
  principal: Principal,
  subscriptionId: string,
  query: ListWebhookDeliveriesQuery,
): Promise<Page<WebhookAttempt>> {
  await subscriptionOrNotFound(principal.tenantId, subscriptionId);
  return listAttempts(principal.tenantId, subscriptionId, query.limit, query.cursor);
}
