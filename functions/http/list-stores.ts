import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { listStoresQuery } from '../../shared/stores/schema';
import { listVisibleStores } from '../../shared/stores/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.listStores,
  { query: listStoresQuery },
  async ({ principal, query }) => ({ status: 200, body: await listVisibleStores(principal, query) }),
);
