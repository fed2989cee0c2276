import { customerIdParams } from '../../shared/customers/schema';
import { getCustomer } from '../../shared/customers/use-cases';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';

export const handler = authenticatedRoute(
  httpRoutes.getCustomer,
  { params: customerIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getCustomer(principal, params.customerId) }),
);
