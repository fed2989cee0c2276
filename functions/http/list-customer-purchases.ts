import { customerIdParams, listPurchasesQuery } from '../../shared/customers/schema';
import { purchasesOf } from '../../shared/customers/use-cases';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';

export const handler = authenticatedRoute(
  httpRoutes.listCustomerPurchases,
  { params: customerIdParams, query: listPurchasesQuery },
  async ({ principal, params, query }) => ({
    status: 200,
    body: await purchasesOf(principal, params.customerId, query),
  }),
);
