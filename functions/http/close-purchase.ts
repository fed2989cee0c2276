import { purchaseParams, purchaseStatusInput } from '../../shared/customers/schema';
import { closePurchase } from '../../shared/customers/use-cases';
import { purchaseReactions } from '../../shared/flows/revisit-scheduling';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';

export const handler = authenticatedRoute(
  httpRoutes.closePurchase,
  { params: purchaseParams, body: purchaseStatusInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await closePurchase(principal, params.customerId, params.purchaseId, body, now, purchaseReactions),
  }),
);
