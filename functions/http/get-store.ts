import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getStore } from '../../shared/stores/operations/get-store';
import { storeIdParams } from '../../shared/stores/schema';

export const handler = authenticatedRoute(
  routes.getStore,
  { params: storeIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getStore(principal, params.storeId) }),
);
