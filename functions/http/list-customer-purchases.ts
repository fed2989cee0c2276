import { httpRoutes } from '../../infra/routes';
import { customerIdParams, listPurchasesQuery } from '../../shared/customers/schema';
import { purchasesOf } from '../../shared/customers/use-cases';
import { authenticatedRoute } from '../../shared/http/authenticated-route';

export const handler = authenticatedRoute(
  httpRoutes.listCustomerPurchases,
  { params: customerIdParams, query: listPurchasesQuery },
  async ({ principal, params, query }) => ({
    status: 200,
    body: await purchasesOf(principal, params.customerId, query),
  }),
);
