import { customerIdParams, listPurchasesQuery } from '../../shared/customers/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { customerRevisits } from '../../shared/revisits/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.listCustomerRevisits,
  { params: customerIdParams, query: listPurchasesQuery },
  async ({ principal, params, query }) => ({
    status: 200,
    body: await customerRevisits(principal, params.customerId, query),
  }),
);
