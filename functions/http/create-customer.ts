import { createCustomer } from '../../shared/customers/operations/create-customer';
import { createCustomerInput } from '../../shared/customers/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.createCustomer,
  { body: createCustomerInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createCustomer(principal, body, now, idempotency),
  }),
);
