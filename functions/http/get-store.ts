import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { storeIdParams } from '../../shared/stores/schema';
import { getStore } from '../../shared/stores/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.getStore,
  { params: storeIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getStore(principal, params.storeId) }),
);
