import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listLostItems } from '../../shared/lost-and-found/operations/list-lost-items';
import { listLostItemsQuery } from '../../shared/lost-and-found/schema';

export const handler = authenticatedRoute(
  routes.listLostItems,
  { query: listLostItemsQuery },
  async ({ principal, query }) => ({ status: 200, body: await listLostItems(principal, query) }),
);
