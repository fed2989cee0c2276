import { createPurchaseInput } from '../../shared/customers/schema';
import { recordPurchase } from '../../shared/customers/use-cases';
import { purchaseReactions } from '../../shared/flows/revisit-scheduling';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';

export const handler = authenticatedRoute(
  httpRoutes.createPurchase,
  { body: createPurchaseInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await recordPurchase(principal, body, now, idempotency, purchaseReactions),
  }),
);
