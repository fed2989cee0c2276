import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listSafeBoxes } from '../../shared/safe-boxes/operations/list-safe-boxes';
import { listSafeBoxesQuery } from '../../shared/safe-boxes/schema';

export const handler = authenticatedRoute(
  routes.listSafeBoxes,
  { query: listSafeBoxesQuery },
  async ({ principal, query }) => ({ status: 200, body: await listSafeBoxes(principal, query) }),
);
