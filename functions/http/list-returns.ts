import { listReturns } from '../../shared/after-sales/operations/list-returns';
import { listReturnsQuery } from '../../shared/after-sales/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.listReturns,
  { query: listReturnsQuery },
  async ({ principal, query }) => ({
    status: 200,
    body: await listReturns(principal, query),
  }),
);
