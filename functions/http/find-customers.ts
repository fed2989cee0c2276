import { findCustomersQuery } from '../../shared/customers/schema';
import { customersByPhone } from '../../shared/customers/use-cases';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';

export const handler = authenticatedRoute(
  httpRoutes.findCustomers,
  { query: findCustomersQuery },
  async ({ principal, query }) => ({ status: 200, body: await customersByPhone(principal, query.phone) }),
);
