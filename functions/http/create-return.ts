import { createReturn } from '../../shared/after-sales/operations/create-return';
import { createReturnInput } from '../../shared/after-sales/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.createReturn,
  { body: createReturnInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createReturn(principal, body, now, idempotency),
  }),
);
