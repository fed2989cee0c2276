import { httpRoutes } from '../../infra/routes';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { manualRevisitInput } from '../../shared/revisits/schema';
import { bookRevisit } from '../../shared/revisits/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.createRevisit,
  { body: manualRevisitInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await bookRevisit(principal, body, now, idempotency),
  }),
);
