import { closePurchase } from '../../shared/customers/use-cases';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { purchaseParams, purchaseStatusInput } from '../../shared/revisits/schema';

export const handler = authenticatedRoute(
  httpRoutes.closePurchase,
  { params: purchaseParams, body: purchaseStatusInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await closePurchase(principal, params.customerId, params.purchaseId, body, now),
  }),
);
