import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listRepairs } from '../../shared/repairs/operations/list-repairs';
import { listRepairsQuery } from '../../shared/repairs/schema';

export const handler = authenticatedRoute(
  routes.listRepairs,
  { query: listRepairsQuery },
  async ({ principal, query }) => ({
    status: 200,
    body: await listRepairs(principal, query),
  }),
);
