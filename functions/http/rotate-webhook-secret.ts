import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { rotateWebhookSecret } from '../../shared/webhooks/operations/rotate-webhook-secret';
import { rotateWebhookSecretInput, subscriptionIdParams } from '../../shared/webhooks/schema';

export const handler = authenticatedRoute(
  routes.rotateWebhookSecret,
  { params: subscriptionIdParams, body: rotateWebhookSecretInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await rotateWebhookSecret(principal, params.subscriptionId, body, now),
  }),
);
