import { createCustomerInput } from '../../shared/customers/schema';
import { registerCustomer } from '../../shared/customers/use-cases';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';

export const handler = authenticatedRoute(
  httpRoutes.createCustomer,
  { body: createCustomerInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await registerCustomer(principal, body, now, idempotency),
  }),
);
