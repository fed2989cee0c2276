import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { createWebhookSubscription } from '../../shared/webhooks/operations/create-webhook-subscription';
import { createWebhookSubscriptionInput } from '../../shared/webhooks/schema';

export const handler = authenticatedRoute(
  routes.createWebhookSubscription,
  { body: createWebhookSubscriptionInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createWebhookSubscription(principal, body, now, idempotency),
  }),
);
