import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listWebhookDeliveries } from '../../shared/webhooks/operations/list-webhook-deliveries';
import { listWebhookDeliveriesQuery, subscriptionIdParams } from '../../shared/webhooks/schema';

export const handler = authenticatedRoute(
  routes.listWebhookDeliveries,
  { params: subscriptionIdParams, query: listWebhookDeliveriesQuery },
  async ({ principal, params, query }) => ({
    status: 200,
    body: await listWebhookDeliveries(principal, params.subscriptionId, query),
  }),
);
