import { createPurchase } from '../../shared/customers/operations/create-purchase';
import { createPurchaseInput } from '../../shared/customers/schema';
import { purchaseReactions } from '../../shared/flows/revisit-scheduling';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.createPurchase,
  { body: createPurchaseInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createPurchase(principal, body, now, idempotency, purchaseReactions),
  }),
);
