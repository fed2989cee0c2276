import { listCustomerPurchases } from '../../shared/customers/operations/list-customer-purchases';
import { customerIdParams, listCustomerPurchasesQuery } from '../../shared/customers/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.listCustomerPurchases,
  { params: customerIdParams, query: listCustomerPurchasesQuery },
  async ({ principal, params, query }) => ({
    status: 200,
    body: await listCustomerPurchases(principal, params.customerId, query),
  }),
);
