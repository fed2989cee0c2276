import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { createRevisit } from '../../shared/revisits/operations/create-revisit';
import { createRevisitInput } from '../../shared/revisits/schema';

export const handler = authenticatedRoute(
  routes.createRevisit,
  { body: createRevisitInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createRevisit(principal, body, now, idempotency),
  }),
);
