import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { updateWebhookSubscription } from '../../shared/webhooks/operations/update-webhook-subscription';
import { subscriptionIdParams, updateWebhookSubscriptionInput } from '../../shared/webhooks/schema';

export const handler = authenticatedRoute(
  routes.updateWebhookSubscription,
  { params: subscriptionIdParams, body: updateWebhookSubscriptionInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await updateWebhookSubscription(principal, params.subscriptionId, body, now),
  }),
);
