import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { deleteWebhookSubscription } from '../../shared/webhooks/operations/delete-webhook-subscription';
import { subscriptionIdParams } from '../../shared/webhooks/schema';

export const handler = authenticatedRoute(
  routes.deleteWebhookSubscription,
  { params: subscriptionIdParams },
  async ({ principal, params }) => ({
    status: 200,
    body: await deleteWebhookSubscription(principal, params.subscriptionId),
  }),
);
