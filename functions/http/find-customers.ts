import { findCustomers } from '../../shared/customers/operations/find-customers';
import { findCustomersQuery } from '../../shared/customers/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.findCustomers,
  { query: findCustomersQuery },
  async ({ principal, query }) => ({ status: 200, body: await findCustomers(principal, query) }),
);
