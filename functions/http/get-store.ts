import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { getStore } from '../../shared/stores/operations/get-store';
import { storeIdParams } from '../../shared/stores/schema';

export const handler = authenticatedRoute(
  httpRoutes.getStore,
  { params: storeIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getStore(principal, params.storeId) }),
);
