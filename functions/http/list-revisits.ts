import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listRevisits } from '../../shared/revisits/operations/list-revisits';
import { listRevisitsQuery } from '../../shared/revisits/schema';

export const handler = authenticatedRoute(
  routes.listRevisits,
  { query: listRevisitsQuery },
  async ({ principal, query }) => ({ status: 200, body: await listRevisits(principal, query) }),
);
