import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listStores } from '../../shared/stores/operations/list-stores';
import { listStoresQuery } from '../../shared/stores/schema';

export const handler = authenticatedRoute(
  routes.listStores,
  { query: listStoresQuery },
  async ({ principal, query }) => ({ status: 200, body: await listStores(principal, query) }),
);
