import { customerIdParams } from '../../shared/customers/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listCustomerRevisits } from '../../shared/revisits/operations/list-customer-revisits';
import { listCustomerRevisitsQuery } from '../../shared/revisits/schema';

export const handler = authenticatedRoute(
  routes.listCustomerRevisits,
  { params: customerIdParams, query: listCustomerRevisitsQuery },
  async ({ principal, params, query }) => ({
    status: 200,
    body: await listCustomerRevisits(principal, params.customerId, query),
  }),
);
