import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listWebhookSubscriptions } from '../../shared/webhooks/operations/list-webhook-subscriptions';
import { listWebhookSubscriptionsQuery } from '../../shared/webhooks/schema';

export const handler = authenticatedRoute(
  routes.listWebhookSubscriptions,
  { query: listWebhookSubscriptionsQuery },
  async ({ principal, query }) => ({ status: 200, body: await listWebhookSubscriptions(principal, query) }),
);
