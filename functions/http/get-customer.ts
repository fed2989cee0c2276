import { getCustomer } from '../../shared/customers/operations/get-customer';
import { customerIdParams } from '../../shared/customers/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';

export const handler = authenticatedRoute(
  httpRoutes.getCustomer,
  { params: customerIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getCustomer(principal, params.customerId) }),
);
