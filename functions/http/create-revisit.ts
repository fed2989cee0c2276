import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
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
