import { findCustomers } from '../../shared/customers/operations/find-customers';
import { findCustomersQuery } from '../../shared/customers/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';

export const handler = authenticatedRoute(
  httpRoutes.findCustomers,
  { query: findCustomersQuery },
  async ({ principal, query }) => ({ status: 200, body: await findCustomers(principal, query) }),
);
