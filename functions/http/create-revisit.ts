import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { createRevisit } from '../../shared/revisits/operations/create-revisit';
import { createRevisitInput } from '../../shared/revisits/schema';

export const handler = authenticatedRoute(
  httpRoutes.createRevisit,
  { body: createRevisitInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createRevisit(principal, body, now, idempotency),
  }),
);
