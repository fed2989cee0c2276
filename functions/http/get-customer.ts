import { getCustomer } from '../../shared/customers/operations/get-customer';
import { customerIdParams } from '../../shared/customers/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.getCustomer,
  { params: customerIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getCustomer(principal, params.customerId) }),
);
