import { createPurchase } from '../../shared/customers/operations/create-purchase';
import { createPurchaseInput } from '../../shared/customers/schema';
import { purchaseReactions } from '../../shared/flows/revisit-scheduling';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';

export const handler = authenticatedRoute(
  httpRoutes.createPurchase,
  { body: createPurchaseInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createPurchase(principal, body, now, idempotency, purchaseReactions),
  }),
);
