import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { listRevisitsQuery } from '../../shared/revisits/schema';
import { revisitQueue } from '../../shared/revisits/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.listRevisits,
  { query: listRevisitsQuery },
  async ({ principal, query }) => ({ status: 200, body: await revisitQueue(principal, query) }),
);
