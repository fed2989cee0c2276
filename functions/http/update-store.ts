import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { updateStore } from '../../shared/stores/operations/update-store';
import { storeIdParams, updateStoreInput } from '../../shared/stores/schema';

export const handler = authenticatedRoute(
  routes.updateStore,
  { params: storeIdParams, body: updateStoreInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await updateStore(principal, params.storeId, body, now),
  }),
);
