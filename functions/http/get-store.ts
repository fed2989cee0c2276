import { httpRoutes } from '../../infra/routes';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { storeIdParams } from '../../shared/stores/schema';
import { getStore } from '../../shared/stores/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.getStore,
  { params: storeIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getStore(principal, params.storeId) }),
);
