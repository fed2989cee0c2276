import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getWebhookSubscription } from '../../shared/webhooks/operations/get-webhook-subscription';
import { subscriptionIdParams } from '../../shared/webhooks/schema';

export const handler = authenticatedRoute(
  routes.getWebhookSubscription,
  { params: subscriptionIdParams },
  async ({ principal, params }) => ({
    status: 200,
    body: await getWebhookSubscription(principal, params.subscriptionId),
  }),
);
