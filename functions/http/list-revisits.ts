import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { listRevisits } from '../../shared/revisits/operations/list-revisits';
import { listRevisitsQuery } from '../../shared/revisits/schema';

export const handler = authenticatedRoute(
  httpRoutes.listRevisits,
  { query: listRevisitsQuery },
  async ({ principal, query }) => ({ status: 200, body: await listRevisits(principal, query) }),
);
