import { closePurchase } from '../../shared/customers/operations/close-purchase';
import { closePurchaseInput, purchaseParams } from '../../shared/customers/schema';
import { purchaseReactions } from '../../shared/flows/revisit-scheduling';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.closePurchase,
  { params: purchaseParams, body: closePurchaseInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await closePurchase(principal, params.customerId, params.purchaseId, body, now, purchaseReactions),
  }),
);
